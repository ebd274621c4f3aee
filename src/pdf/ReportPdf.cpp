// The report module: draws a report the core has worded as an A4 PDF with cairo, its text
// laid out by Pango. It lays out and draws; every word and every number comes in the
// ReportDocument.

#include "core/Translate.hpp"
#include "modules/DesktopModules.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace {

using rollcoach::ReportChart;
using rollcoach::ReportDocument;
using rollcoach::ReportLine;
using rollcoach::ReportRoutine;
using rollcoach::ReportSection;

// A4 in points, and the margins.
constexpr double kPageW = 595.276;
constexpr double kPageH = 841.89;
constexpr double kMargin = 48;
constexpr double kContentW = kPageW - 2 * kMargin;
constexpr double kBottom = kPageH - kMargin - 18; // room for the page's foot line

// Latin, Greek, Cyrillic, Hebrew and Arabic come from DejaVu Sans; what it lacks (CJK, most
// other scripts) fontconfig finds in whatever font the machine has for it.
constexpr const char* kFont = "DejaVu Sans"; // untranslated: font name

struct Colour {
    double r, g, b;
};
constexpr Colour kInk{0.1, 0.1, 0.12};
constexpr Colour kGrey{0.38, 0.38, 0.42};
constexpr Colour kGrid{0.85, 0.86, 0.88};
constexpr Colour kBefore{0.55, 0.55, 0.6};
constexpr Colour kAfter{0.1, 0.36, 0.7};
constexpr Colour kPain{0.78, 0.1, 0.1};

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
using Layout = std::unique_ptr<PangoLayout, GObjectUnref>;
using Context = std::unique_ptr<PangoContext, GObjectUnref>;

double points(int pangoUnits) {
    return static_cast<double>(pangoUnits) / PANGO_SCALE;
}
int pangoUnits(double points) {
    return static_cast<int>(std::floor(points * PANGO_SCALE));
}

// How a block of text is set: its size and weight, the width it wraps to, and what a line
// too long for it becomes.
struct TextStyle {
    double size = 10.5;
    bool bold = false;
    double width = kContentW;
    double hang = 0; // lines after the first start this much further in
    PangoAlignment align = PANGO_ALIGN_LEFT;
    bool oneLine = false; // a label: cut short with an ellipsis rather than wrapped
};

class Pages {
public:
    explicit Pages(cairo_t* cr) : m_cr(cr), m_context(pango_cairo_create_context(cr)) {
        // Unhinted metrics and unrounded positions: a PDF is scaled, not drawn on a pixel grid,
        // so the words sit where the fonts' own metrics put them.
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(m_context.get(), options);
        cairo_font_options_destroy(options);
        pango_context_set_round_glyph_positions(m_context.get(), FALSE);
        // The report's own words run left to right; a title or a step name of another
        // direction comes from the core as a bidirectional isolate, so it reads in its own
        // order without pulling the colon or the numbers beside it to its side.
        pango_context_set_base_dir(m_context.get(), PANGO_DIRECTION_LTR);
    }

    void colour(Colour c) { cairo_set_source_rgb(m_cr, c.r, c.g, c.b); }

    // Text shaped for drawing: bidirectional runs in visual order, each character in a font
    // that has it, wrapped (between words, inside a word only when one word is wider than a
    // line) or cut short as the style says.
    Layout layout(const std::string& text, const TextStyle& style) {
        Layout l(pango_layout_new(m_context.get()));
        PangoFontDescription* font = pango_font_description_from_string(kFont);
        pango_font_description_set_weight(font,
                                          style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
        pango_layout_set_font_description(l.get(), font);
        pango_font_description_free(font);
        pango_layout_set_auto_dir(l.get(), FALSE);
        pango_layout_set_alignment(l.get(), style.align);
        pango_layout_set_width(l.get(), pangoUnits(std::max(style.width, 1.0)));
        if (style.oneLine) {
            pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
            pango_layout_set_height(l.get(), -1);
        } else {
            pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
            pango_layout_set_indent(l.get(), -pangoUnits(style.hang));
            // A word is broken only when it is wider than a line (a code, a string of letters),
            // where a hyphen added at the break would read as part of it.
            PangoAttrList* attributes = pango_attr_list_new();
            pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
            pango_layout_set_attributes(l.get(), attributes);
            pango_attr_list_unref(attributes);
        }
        // Pango takes UTF-8 only; a stray byte would end the text there.
        gchar* valid = g_utf8_make_valid(text.c_str(), static_cast<gssize>(text.size()));
        pango_layout_set_text(l.get(), valid, -1);
        g_free(valid);
        return l;
    }

    static int lineCount(PangoLayout* l) { return pango_layout_get_line_count(l); }

    // The width the text takes, in points.
    static double width(PangoLayout* l) {
        PangoRectangle logical;
        pango_layout_get_extents(l, nullptr, &logical);
        return points(logical.width);
    }

    // Draws line `index` of a layout with its baseline at `baseline`, the layout's left edge at
    // `left`: the line's own offset (its hang, its alignment) is kept.
    void drawLine(PangoLayout* l, int index, double left, double baseline) {
        PangoLayoutIter* it = pango_layout_get_iter(l);
        for (int i = 0; i < index && pango_layout_iter_next_line(it); ++i) {
        }
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
        cairo_move_to(m_cr, left + points(logical.x), baseline);
        pango_cairo_show_layout_line(m_cr, line);
        pango_layout_iter_free(it);
    }

    // Starts a new page when `height` more would not fit on this one.
    void need(double height) {
        if (m_y + height > kBottom) {
            newPage();
        }
    }

    void newPage() {
        foot();
        cairo_show_page(m_cr);
        ++m_page;
        m_y = kMargin;
    }

    void text(const std::string& text, double size, bool bold, Colour c, double indent = 0) {
        // Lines after the first hang under it, so each entry of a list reads as one.
        TextStyle style;
        style.size = size;
        style.bold = bold;
        style.width = kContentW - indent;
        style.hang = indent > 0 ? 14 : 0;
        const Layout l = layout(text, style);
        const int lines = lineCount(l.get());
        // An entry is not split across pages.
        need(size * 1.45 * lines);
        for (int i = 0; i < lines; ++i) {
            need(size * 1.45);
            // Set for each line: a new page's foot line draws in its own colour.
            colour(c);
            m_y += size * 1.2;
            drawLine(l.get(), i, kMargin + indent, m_y);
            m_y += size * 0.25;
        }
    }

    void gap(double height) { m_y += height; }

    void section(const ReportSection& s) {
        // A heading never ends a page alone: it goes over with its first two lines.
        const std::size_t kept = std::min<std::size_t>(s.lines.size(), 2);
        need(8 + 13 * 1.45 + 2 + 10.5 * 1.45 * static_cast<double>(kept));
        gap(8);
        text(s.heading, 13, true, kInk);
        gap(2);
        for (const std::string& line : s.lines) {
            text(line, 10.5, false, kInk, 8);
        }
    }

    // A label that must stay on one line: cut short with an ellipsis to `maxW`.
    Layout label(const std::string& text, double maxW) {
        TextStyle style;
        style.size = 8.5;
        style.width = maxW;
        style.oneLine = true;
        return layout(text, style);
    }

    void chart(const ReportChart& c) {
        const double plotH = 72;
        const double labelW = 22;
        need(13 * 1.45 + plotH + 34 + 11 * 1.45 * 2);
        gap(8);
        text(c.heading, 11.5, true, kInk);
        gap(6);
        const double left = kMargin + labelW;
        const double top = m_y;
        const double w = kContentW - labelW;
        auto yOf = [&](double rating) { return top + plotH - rating / 10.0 * plotH; };
        auto xOf = [&](double x) { return left + x * w; };

        // Axis: 0-10, a line every 2 points, labelled.
        cairo_set_line_width(m_cr, 0.6);
        for (int r = 0; r <= 10; r += 2) {
            colour(kGrid);
            cairo_move_to(m_cr, left, yOf(r));
            cairo_line_to(m_cr, left + w, yOf(r));
            cairo_stroke(m_cr);
            colour(kGrey);
            const Layout number = label(std::to_string(r), labelW - 6);
            drawLine(number.get(), 0, left - 6 - width(number.get()), yOf(r) + 3);
        }
        // A date gets the room between its neighbours.
        double spacing = w;
        for (std::size_t i = 1; i < c.dateLabels.size(); ++i) {
            spacing = std::min(spacing, (c.dateLabels[i].first - c.dateLabels[i - 1].first) * w);
        }
        for (const auto& [x, date] : c.dateLabels) {
            colour(kGrid);
            cairo_move_to(m_cr, xOf(x), top);
            cairo_line_to(m_cr, xOf(x), top + plotH);
            cairo_stroke(m_cr);
            colour(kGrey);
            const Layout dateLabel = label(date, std::max(spacing - 4, 8.0));
            const double tw = width(dateLabel.get());
            const double at = std::clamp(xOf(x) - tw / 2, left, left + w - tw);
            cairo_move_to(m_cr, xOf(x), top + plotH);
            cairo_line_to(m_cr, xOf(x), top + plotH + 3);
            cairo_stroke(m_cr);
            drawLine(dateLabel.get(), 0, at, top + plotH + 13);
        }

        colour(kGrey);
        cairo_rectangle(m_cr, left, top, w, plotH);
        cairo_stroke(m_cr);

        if (c.points.empty()) {
            TextStyle style;
            style.size = 11;
            style.width = w - 40;
            style.align = PANGO_ALIGN_CENTER;
            const Layout note = layout(c.emptyNote, style);
            // As many lines as fit in the plot; the last one kept says there was more.
            const int fit = static_cast<int>((plotH - 8) / 16);
            if (lineCount(note.get()) > fit) {
                pango_layout_set_height(note.get(), -fit);
                pango_layout_set_ellipsize(note.get(), PANGO_ELLIPSIZE_END);
            }
            const int lines = lineCount(note.get());
            double y = top + plotH / 2 - (lines - 1) * 8;
            colour(kGrey);
            for (int i = 0; i < lines; ++i) {
                drawLine(note.get(), i, left + 20, y + 4);
                y += 16;
            }
        }
        // The after ratings joined by a line, so the trend reads at a glance.
        cairo_set_line_width(m_cr, 1.6);
        colour(kAfter);
        bool started = false;
        for (const auto& p : c.points) {
            if (!p.after) {
                continue;
            }
            if (started) {
                cairo_line_to(m_cr, xOf(p.x), yOf(*p.after));
            } else {
                cairo_move_to(m_cr, xOf(p.x), yOf(*p.after));
                started = true;
            }
        }
        cairo_stroke(m_cr);
        for (const auto& p : c.points) {
            if (p.before) {
                colour(kBefore);
                cairo_set_line_width(m_cr, 1.4);
                cairo_new_sub_path(m_cr);
                cairo_arc(m_cr, xOf(p.x), yOf(*p.before), 3.6, 0, 2 * M_PI);
                cairo_stroke(m_cr);
            }
            if (p.after) {
                colour(kAfter);
                cairo_new_sub_path(m_cr);
                cairo_arc(m_cr, xOf(p.x), yOf(*p.after), 3.4, 0, 2 * M_PI);
                cairo_fill(m_cr);
            }
            if (p.painStop) {
                // A cross at the top of the plot over the session stopped for pain.
                colour(kPain);
                cairo_set_line_width(m_cr, 1.8);
                const double cx = xOf(p.x);
                const double cy = top + 6;
                cairo_move_to(m_cr, cx - 4, cy - 4);
                cairo_line_to(m_cr, cx + 4, cy + 4);
                cairo_move_to(m_cr, cx + 4, cy - 4);
                cairo_line_to(m_cr, cx - 4, cy + 4);
                cairo_stroke(m_cr);
            }
        }
        m_y = top + plotH + 18;
        text(c.summary, 10, false, kInk);
    }

    // A routine's part: its heading, what was done with pain stops inline, its charts, and
    // its sessions one a line.
    void routine(const ReportRoutine& r) {
        need(14 + 15 * 1.45 + 10.5 * 1.45 * 2);
        gap(14);
        text(r.heading, 15, true, kInk);
        gap(2);
        // A session stopped for pain in bold and red, as the core marked it.
        for (const ReportLine& line : r.lines) {
            text(line.text, 10.5, line.painStop, line.painStop ? kPain : kInk, 8);
        }
        for (const ReportChart& c : r.charts) {
            chart(c);
        }
        if (!r.sessions.empty()) {
            gap(6);
            text(_("Sessions"), 11.5, true, kInk);
            for (const ReportLine& line : r.sessions) {
                text(line.text, 9.5, line.painStop, line.painStop ? kPain : kInk, 8);
            }
        }
    }

    void setFooter(const std::string& footer) { m_footer = footer; }

    void finish() {
        foot();
        cairo_show_page(m_cr);
    }

    int page() const { return m_page; }

private:
    void foot() {
        colour(kGrey);
        TextStyle style;
        style.size = 8;
        const Layout number = layout(rollcoach::fillIn(_("Page {0}"), m_page), style);
        const double numberW = width(number.get());
        drawLine(number.get(), 0, kPageW - kMargin - numberW, kPageH - kMargin + 4);
        // The foot line wraps upwards rather than run into the page number.
        style.width = kContentW - numberW - 16;
        const Layout footer = layout(m_footer, style);
        const int lines = lineCount(footer.get());
        double y = kPageH - kMargin + 4 - 10 * (lines - 1);
        for (int i = 0; i < lines; ++i) {
            drawLine(footer.get(), i, kMargin, y);
            y += 10;
        }
    }

    cairo_t* m_cr;
    Context m_context;
    double m_y = kMargin;
    int m_page = 1;
    std::string m_footer;
};

} // namespace

extern "C" bool rollcoach_draw_report_pdf_2(const ReportDocument& report, std::string& pdf,
                                            std::string& error) {
    pdf.clear();
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendTo, &pdf, kPageW, kPageH);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "rollcoach");
    cairo_t* cr = cairo_create(surface);
    {
        Pages pages(cr);
        pages.setFooter(report.footer);
        pages.text(report.title, 22, true, kInk);
        pages.text(report.period, 10.5, false, kGrey);
        if (!report.about.empty()) {
            pages.gap(4);
        }
        for (const std::string& line : report.about) {
            pages.text(line, 12, true, kInk, 8);
        }
        for (const ReportSection& s : report.opening) {
            pages.section(s);
        }
        pages.gap(4);
        pages.text(report.chartLegend, 9, false, kGrey);
        for (const ReportRoutine& r : report.routines) {
            pages.routine(r);
        }
        for (const ReportSection& s : report.closing) {
            pages.section(s);
        }
        pages.finish();
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(status);
        return false;
    }
    return true;
}
