// The report module: draws a report the core has worded as an A4 PDF with cairo. It lays out
// and draws; every word and every number comes in the ReportDocument.

#include "modules/DesktopModules.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace {

using rollcoach::ReportChart;
using rollcoach::ReportDocument;
using rollcoach::ReportSection;

// A4 in points, and the margins.
constexpr double kPageW = 595.276;
constexpr double kPageH = 841.89;
constexpr double kMargin = 48;
constexpr double kContentW = kPageW - 2 * kMargin;
constexpr double kBottom = kPageH - kMargin - 18; // room for the page's foot line

constexpr const char* kFont = "DejaVu Sans";

struct Colour {
    double r, g, b;
};
constexpr Colour kInk{0.1, 0.1, 0.12};
constexpr Colour kGrey{0.38, 0.38, 0.42};
constexpr Colour kGrid{0.85, 0.86, 0.88};
constexpr Colour kBefore{0.55, 0.55, 0.6};
constexpr Colour kAfter{0.1, 0.36, 0.7};

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

class Pages {
public:
    explicit Pages(cairo_t* cr) : m_cr(cr) {}

    void colour(Colour c) { cairo_set_source_rgb(m_cr, c.r, c.g, c.b); }

    void font(double size, bool bold) {
        cairo_select_font_face(m_cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(m_cr, size);
    }

    double width(const std::string& text) {
        cairo_text_extents_t e;
        cairo_text_extents(m_cr, text.c_str(), &e);
        return e.x_advance;
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

    // Breaks text into lines that fit `maxW` at the current font.
    std::vector<std::string> wrap(const std::string& text, double maxW) {
        std::vector<std::string> lines;
        std::string line;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find(' ', start);
            if (end == std::string::npos) {
                end = text.size();
            }
            const std::string word = text.substr(start, end - start);
            const std::string tried = line.empty() ? word : line + " " + word;
            if (!line.empty() && width(tried) > maxW) {
                lines.push_back(line);
                line = word;
            } else {
                line = tried;
            }
            start = end + 1;
        }
        lines.push_back(line);
        return lines;
    }

    void text(const std::string& text, double size, bool bold, Colour c, double indent = 0) {
        font(size, bold);
        // Lines after the first hang under it, so each entry of a list reads as one.
        const double hang = indent > 0 ? 14 : 0;
        std::vector<std::string> lines = wrap(text, kContentW - indent - hang);
        if (lines.size() > 1) {
            const std::string first = wrap(text, kContentW - indent).front();
            lines = wrap(text.substr(std::min(text.size(), first.size() + 1)),
                         kContentW - indent - hang);
            lines.insert(lines.begin(), first);
        }
        // An entry is not split across pages.
        need(size * 1.45 * static_cast<double>(lines.size()));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            need(size * 1.45);
            // Set for each line: a new page's foot line draws in its own font and colour.
            font(size, bold);
            colour(c);
            m_y += size * 1.2;
            cairo_move_to(m_cr, kMargin + indent + (i > 0 ? hang : 0), m_y);
            cairo_show_text(m_cr, lines[i].c_str());
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

    void chart(const ReportChart& c) {
        const double plotH = 88;
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
        font(8.5, false);
        cairo_set_line_width(m_cr, 0.6);
        for (int r = 0; r <= 10; r += 2) {
            colour(kGrid);
            cairo_move_to(m_cr, left, yOf(r));
            cairo_line_to(m_cr, left + w, yOf(r));
            cairo_stroke(m_cr);
            colour(kGrey);
            const std::string label = std::to_string(r);
            cairo_move_to(m_cr, left - 6 - width(label), yOf(r) + 3);
            cairo_show_text(m_cr, label.c_str());
        }
        for (const auto& [x, date] : c.dateLabels) {
            colour(kGrid);
            cairo_move_to(m_cr, xOf(x), top);
            cairo_line_to(m_cr, xOf(x), top + plotH);
            cairo_stroke(m_cr);
            colour(kGrey);
            const double tw = width(date);
            const double at = std::clamp(xOf(x) - tw / 2, left, left + w - tw);
            cairo_move_to(m_cr, xOf(x), top + plotH);
            cairo_line_to(m_cr, xOf(x), top + plotH + 3);
            cairo_stroke(m_cr);
            cairo_move_to(m_cr, at, top + plotH + 13);
            cairo_show_text(m_cr, date.c_str());
        }

        colour(kGrey);
        cairo_rectangle(m_cr, left, top, w, plotH);
        cairo_stroke(m_cr);

        if (c.points.empty()) {
            font(11, false);
            colour(kGrey);
            const std::vector<std::string> lines = wrap(c.emptyNote, w - 40);
            double y = top + plotH / 2 - (lines.size() - 1) * 8;
            for (const std::string& line : lines) {
                cairo_move_to(m_cr, left + (w - width(line)) / 2, y + 4);
                cairo_show_text(m_cr, line.c_str());
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
        }
        m_y = top + plotH + 18;
        text(c.summary, 10, false, kInk);
    }

    void setFooter(const std::string& footer) { m_footer = footer; }

    void finish() {
        foot();
        cairo_show_page(m_cr);
    }

    int page() const { return m_page; }

private:
    void foot() {
        font(8, false);
        colour(kGrey);
        const std::string number = "Page " + std::to_string(m_page);
        const double numberW = width(number);
        double y = kPageH - kMargin + 4;
        // The foot line wraps upwards rather than run into the page number.
        const std::vector<std::string> lines = wrap(m_footer, kContentW - numberW - 16);
        y -= 10 * static_cast<double>(lines.size() - 1);
        for (const std::string& line : lines) {
            cairo_move_to(m_cr, kMargin, y);
            cairo_show_text(m_cr, line.c_str());
            y += 10;
        }
        cairo_move_to(m_cr, kPageW - kMargin - numberW, kPageH - kMargin + 4);
        cairo_show_text(m_cr, number.c_str());
    }

    cairo_t* m_cr;
    double m_y = kMargin;
    int m_page = 1;
    std::string m_footer;
};

} // namespace

extern "C" bool rollcoach_draw_report_pdf(const ReportDocument& report, std::string& pdf,
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
        for (const ReportSection& s : report.opening) {
            pages.section(s);
        }
        pages.gap(4);
        for (const ReportChart& c : report.charts) {
            pages.chart(c);
        }
        pages.text(report.chartLegend, 9, false, kGrey);
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
