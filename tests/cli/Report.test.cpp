#include "TestSupport.hpp"

#include "cli/CommandLine.hpp"
#include "core/Clock.hpp"
#include "core/History.hpp"
#include "core/Language.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <libintl.h>
#include <regex>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

// 2026-11-23, a Monday, at 20:00 UTC.
constexpr std::int64_t kMondayEvening = 1795392000 + 20 * 3600;
constexpr std::int64_t kDay = 86400;

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

// A data folder, and the command run as the binary of this build folder, whose report module
// lies beside it.
struct ReportDir : TempPath {
    ReportDir() : TempPath("report") { setenv("TZ", "UTC", 1); }
    FixedClock clock{kMondayEvening};

    Result run(std::vector<std::string> args) const {
        args.insert(args.begin(),
                    {std::string(ROLLCOACH_BUILD_DIR) + "/rollcoach", "--data-dir", path.string()});
        std::ostringstream out;
        std::ostringstream err;
        const int code = runCommandLine(args, out, err, clock);
        return {code, out.str(), err.str()};
    }

    std::unique_ptr<History> history() const {
        std::string notice;
        return History::open(path.string(), kMondayEvening, notice);
    }
};

bool haveTool(const char* tool) {
    return std::system((std::string("command -v ") + tool + " > /dev/null 2>&1").c_str()) == 0;
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The PDF's text as pdftotext reads it, with its line layout.
std::string pdfText(const fs::path& pdf) {
    const fs::path text = pdf.string() + ".txt";
    const std::string command = "pdftotext -layout '" + pdf.string() + "' '" + text.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    return readAll(text);
}

int pdfPages(const std::string& text) {
    int pages = 1;
    for (const char c : text) {
        pages += c == '\f' ? 1 : 0;
    }
    // pdftotext ends every page with a form feed.
    return pages - 1;
}

// The pixels of the first page of a PDF that `wanted` takes (red, green, blue), from
// pdftoppm's PPM.
template <typename Colour> int firstPagePixels(const fs::path& pdf, Colour wanted) {
    const fs::path prefix = pdf.string() + "-page";
    const std::string command =
        "pdftoppm -r 60 -f 1 -l 1 -singlefile '" + pdf.string() + "' '" + prefix.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(prefix.string() + ".ppm", std::ios::binary);
    std::string magic;
    int width = 0;
    int height = 0;
    int maxValue = 0;
    in >> magic >> width >> height >> maxValue;
    in.get();
    REQUIRE(magic == "P6");
    REQUIRE(width > 300);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
    in.read(reinterpret_cast<char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
    int count = 0;
    for (std::size_t i = 0; i + 2 < pixels.size(); i += 3) {
        count += wanted(pixels[i], pixels[i + 1], pixels[i + 2]) ? 1 : 0;
    }
    return count;
}

// The pixels of the first page drawn in the "after" blue of the charts.
int chartBluePixels(const fs::path& pdf) {
    return firstPagePixels(pdf,
                           [](int r, int g, int b) { return b > 140 && b - r > 90 && b - g > 50; });
}

// The pixels of the first page drawn in the red of a pain stop.
int painRedPixels(const fs::path& pdf) {
    return firstPagePixels(pdf,
                           [](int r, int g, int b) { return r > 140 && r - g > 90 && r - b > 90; });
}

void fillHistory(const ReportDir& dir) {
    auto history = dir.history();
    auto rated = [&](const std::string& title, std::int64_t at, double left, double right,
                     std::vector<CheckIn> checks) {
        const auto id = history->beginSession(title, "h", "wall.yaml", at, Side::Left, 280);
        for (const CheckIn& check : checks) {
            history->recordCheckIn(id, check, at + 1);
        }
        history->recordStep(id, {1, Side::Left, 0, "Find the spot", left}, left, right, at + 300);
        history->endSession(id, "finished", "", left, right, at + 600);
    };
    const std::string wall = "Wall tennis-ball drill";
    rated(wall, kMondayEvening - 14 * kDay, 280, 280,
          {{Side::Left, false, 7, 1},
           {Side::Left, true, 4, 1},
           {Side::Right, false, 5, 1},
           {Side::Right, true, 4, 1}});
    rated(wall, kMondayEvening - 7 * kDay, 280, 280,
          {{Side::Left, false, 6, 1},
           {Side::Left, true, 3, 1},
           {Side::Right, false, 5, 1},
           {Side::Right, true, 3, 1}});
    rated("Lying upper-trapezius drill", kMondayEvening - 6 * kDay, 330, 330,
          {{Side::Left, false, 5, 1}, {Side::Left, true, 2, 1}});
    const auto pain =
        history->beginSession(wall, "h", "wall.yaml", kMondayEvening - 5 * kDay, Side::Right, 280);
    history->recordStep(pain, {1, Side::Right, 1, "Small circles", 35}, 0, 35,
                        kMondayEvening - 5 * kDay + 60);
    history->endSession(pain, "stopped", "sharp pain, numbness or tingling", 0, 35,
                        kMondayEvening - 5 * kDay + 60);
}

// What a command prints on its standard output.
std::string commandOutput(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
            out.append(buffer, n);
        }
        ::pclose(pipe);
    }
    return out;
}

// pdftotext marks a run of right-to-left letters with U+202B (right-to-left embedding) and
// U+202C (pop directional formatting): taken out, the text is what was written.
std::string withoutEmbeddingMarks(std::string text) {
    for (const char* mark : {"\u202b", "\u202c"}) {
        for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
            text.erase(at, std::string(mark).size());
        }
    }
    return text;
}

// A word of the PDF as `pdftotext -bbox` places it, in points from the page's top left.
struct PlacedWord {
    std::string text;
    double xMin = 0;
    double xMax = 0;
};

struct PlacedPage {
    double width = 0;
    std::vector<PlacedWord> words;
};

std::vector<PlacedPage> pdfWords(const fs::path& pdf) {
    const std::string html = commandOutput("pdftotext -bbox '" + pdf.string() + "' -");
    std::vector<PlacedPage> pages;
    const std::regex page(R"re(<page width="([0-9.]+)")re");
    const std::regex word(
        R"re(<word xMin="([0-9.-]+)" yMin="[0-9.-]+" xMax="([0-9.-]+)" yMax="[0-9.-]+">([^<]*)</word>)re");
    std::istringstream lines(html);
    std::string line;
    std::smatch m;
    while (std::getline(lines, line)) {
        if (std::regex_search(line, m, page)) {
            pages.push_back({std::stod(m[1]), {}});
        } else if (std::regex_search(line, m, word) && !pages.empty()) {
            pages.back().words.push_back({m[3], std::stod(m[1]), std::stod(m[2])});
        }
    }
    return pages;
}

// The fonts embedded in the PDF, by their names without the subset's tag ("IPAGothic").
std::vector<std::string> pdfFontNames(const fs::path& pdf) {
    std::istringstream lines(commandOutput("pdffonts '" + pdf.string() + "'"));
    std::vector<std::string> names;
    std::string line;
    for (int i = 0; std::getline(lines, line); ++i) {
        if (i < 2 || line.empty()) {
            continue; // the heading and its rule
        }
        std::string name = line.substr(0, line.find(' '));
        const std::size_t plus = name.find('+');
        names.push_back(plus == 6 ? name.substr(plus + 1) : name);
    }
    return names;
}

// A session of a routine with this title that stopped for pain in a step with this name.
void recordPainStop(const ReportDir& dir, const std::string& title, const std::string& step) {
    auto history = dir.history();
    const auto id =
        history->beginSession(title, "h", "own.yaml", kMondayEvening - 2 * kDay, Side::Left, 280);
    history->recordStep(id, {1, Side::Left, 0, step, 40}, 40, 0, kMondayEvening - 2 * kDay + 40);
    history->endSession(id, "stopped", "sharp pain, numbness or tingling", 40, 0,
                        kMondayEvening - 2 * kDay + 40);
}

std::string reversedCharacters(const std::string& utf8) {
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t n = 1;
        while (i + n < utf8.size() && (static_cast<unsigned char>(utf8[i + n]) & 0xC0) == 0x80) {
            ++n;
        }
        characters.push_back(utf8.substr(i, n));
        i += n;
    }
    std::string reversed;
    for (auto c = characters.rbegin(); c != characters.rend(); ++c) {
        reversed += *c;
    }
    return reversed;
}

} // namespace

TEST_CASE("report --out: a PDF that names the routines, the sides' totals and the pain stop") {
    if (!haveTool("pdftotext") || !haveTool("pdftoppm")) {
        MESSAGE("poppler-utils not installed: the PDF is not read back");
        return;
    }
    const ReportDir dir;
    fillHistory(dir);
    const fs::path pdf = dir.path / "report.pdf";
    const fs::path csv = dir.path / "rows.csv";
    const Result r =
        dir.run({"report", "--weeks", "4", "--out", pdf.string(), "--csv", csv.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("report.pdf: 4 sessions over 4 weeks") != std::string::npos);
    CHECK(readAll(pdf).compare(0, 5, "%PDF-") == 0);
    const std::string text = pdfText(pdf);
    INFO(text);
    CHECK(pdfPages(text) >= 1);
    CHECK(pdfPages(text) <= 3);
    CHECK(text.find("Self-massage report") != std::string::npos);
    // Weeks from Monday, as the app's week.
    CHECK(text.find("from Monday 2 November 2026 to Monday 23 November 2026") != std::string::npos);
    CHECK(text.find("Wall tennis-ball drill: 3 sessions (2 done, 1 stopped early), 19 min") !=
          std::string::npos);
    CHECK(text.find("Lying upper-trapezius drill: 1 session (1 done), 11 min in all") !=
          std::string::npos);
    CHECK(text.find("Left side 15 min, right side 15 min.") != std::string::npos);
    CHECK(text.find("Left side: tension, NRS 0-10") != std::string::npos);
    // Before and after over the same sessions.
    CHECK(text.find("Left side, NRS 0-10: 2 sessions rated before and after: on average 6.5 "
                    "before, 3.5 after") != std::string::npos);
    CHECK(text.find("Right side, NRS 0-10: 2 sessions rated before and after") !=
          std::string::npos);
    CHECK(text.find("planned:") != std::string::npos);
    // The pain stop on the first page, beside its routine, with the side, the step and the time.
    const std::string firstPage = text.substr(0, text.find('\f'));
    CHECK(firstPage.find("18 Nov 20:00 STOPPED FOR PAIN: right side, step \"Small circles\" "
                         "(round 1)") != std::string::npos);
    // The dates as a person reads them, in the weekly rows too; the CSV keeps ISO dates.
    CHECK(text.find("Week from 16 Nov:") != std::string::npos);
    CHECK(text.find("2026-11-") == std::string::npos);
    CHECK(chartBluePixels(pdf) > 40);
    // The stop's lines in red, as the core flagged them (the session has no ratings: no cross
    // on a chart).
    CHECK(painRedPixels(pdf) > 40);

    const std::string rows = readAll(csv);
    CHECK(rows.find("date,started,routine,outcome,") == 0);
    CHECK(rows.find("2026-11-18,2026-11-18T20:00:00Z,Wall tennis-ball drill,stopped,right,0.0,35.0,"
                    "280.0,,,,,\"sharp pain, numbness or tingling\",\"right side, step \"\"Small "
                    "circles\"\" (round 1), after 0:35 of work\"") != std::string::npos);
    const Result printed = dir.run({"report", "--csv", "-"});
    CHECK(printed.code == 0);
    CHECK(printed.out == rows);
}

TEST_CASE("report: an empty history, only interrupted sessions, one side rated: words, no crash") {
    if (!haveTool("pdftotext") || !haveTool("pdftoppm")) {
        MESSAGE("poppler-utils not installed: the PDF is not read back");
        return;
    }
    SUBCASE("empty") {
        const ReportDir dir;
        const fs::path pdf = dir.path / "empty.pdf";
        const Result r = dir.run({"report", "--out", pdf.string()});
        INFO(r.err);
        REQUIRE(r.code == 0);
        const std::string text = pdfText(pdf);
        INFO(text);
        CHECK(text.find("No sessions in this period.") != std::string::npos);
        CHECK(text.find("Left side 0 s, right side 0 s.") != std::string::npos);
        CHECK(text.find("None in this period.") != std::string::npos);
        CHECK(chartBluePixels(pdf) == 0);
        CHECK(painRedPixels(pdf) == 0);
    }
    SUBCASE("only interrupted") {
        const ReportDir dir;
        // A process that dies mid-session: no end, no owner left, so it shows as interrupted.
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            auto history = dir.history();
            const auto id = history->beginSession("Wall tennis-ball drill", "h", "wall.yaml",
                                                  kMondayEvening - 2 * kDay, Side::Left, 280);
            history->recordStep(id, {1, Side::Left, 0, "Find the spot", 30}, 30, 0,
                                kMondayEvening - 2 * kDay + 30);
            ::_exit(0);
        }
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        const fs::path pdf = dir.path / "interrupted.pdf";
        const Result r = dir.run({"report", "--out", pdf.string()});
        INFO(r.err);
        REQUIRE(r.code == 0);
        const std::string text = pdfText(pdf);
        INFO(text);
        CHECK(text.find("Wall tennis-ball drill: 1 session (1 interrupted), 30 s in all") !=
              std::string::npos);
        CHECK(text.find("No tension ratings for the left side in this period.") !=
              std::string::npos);
        CHECK(text.find("Left side 30 s, right side 0 s.") != std::string::npos);
    }
    SUBCASE("one side rated") {
        const ReportDir dir;
        {
            auto history = dir.history();
            const auto id = history->beginSession("Wall tennis-ball drill", "h", "wall.yaml",
                                                  kMondayEvening - 2 * kDay, Side::Left, 280);
            history->recordCheckIn(id, {Side::Right, false, 8, 1}, kMondayEvening - 2 * kDay);
            history->recordCheckIn(id, {Side::Right, true, 5, 1}, kMondayEvening - 2 * kDay);
            history->endSession(id, "finished", "", 280, 280, kMondayEvening - 2 * kDay + 600);
        }
        const fs::path pdf = dir.path / "one-side.pdf";
        const Result r = dir.run({"report", "--out", pdf.string()});
        REQUIRE(r.code == 0);
        const std::string text = pdfText(pdf);
        INFO(text);
        CHECK(text.find("No tension ratings for the left side in this period.") !=
              std::string::npos);
        CHECK(text.find("Right side, NRS 0-10: 1 session rated before and after: on average 8 "
                        "before, 5 after") != std::string::npos);
        CHECK(chartBluePixels(pdf) > 5);
    }
}

TEST_CASE("report: a folder, a FIFO or an unwritable place is named, and nothing is half-written") {
    const ReportDir dir;
    fillHistory(dir);
    const fs::path folder = dir.path / "a-folder";
    fs::create_directories(folder);
    const Result intoFolder = dir.run({"report", "--out", folder.string()});
    CHECK(intoFolder.code == 1);
    CHECK(intoFolder.err.find("a-folder: cannot write the report: it is a folder") !=
          std::string::npos);

    const fs::path fifo = dir.path / "a-fifo";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const Result intoFifo = dir.run({"report", "--csv", fifo.string()});
    CHECK(intoFifo.code == 1);
    CHECK(intoFifo.err.find("a-fifo: cannot write the rows: it is not a regular file") !=
          std::string::npos);

    const Result nowhere = dir.run({"report", "--out", "/nonexistent/folder/r.pdf"});
    CHECK(nowhere.code == 1);
    CHECK(nowhere.err.find("/nonexistent/folder/r.pdf: cannot write the report: No such file") !=
          std::string::npos);

    {
        // A disk that fills part-way: the old report stays whole and no temporary is left.
        const fs::path pdf = dir.path / "kept.pdf";
        std::ofstream(pdf) << "the old report";
        // The history stays open meanwhile, so its shared-memory file is already full size
        // and only the report grows past the limit.
        const auto keepOpen = dir.history();
        const FileSizeLimit full(4096);
        const Result r = dir.run({"report", "--out", pdf.string()});
        CHECK(r.code == 1);
        INFO(r.err);
        CHECK(r.err.find("kept.pdf: cannot write the report: File too large") != std::string::npos);
        CHECK(readAll(pdf) == "the old report");
    }
    for (const auto& entry : fs::directory_iterator(dir.path)) {
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }

    CHECK(dir.run({"report"}).code == 2);
    CHECK(dir.run({"report", "--weeks", "0", "--csv", "-"}).code == 2);
    CHECK(dir.run({"report", "--weeks", "53", "--csv", "-"}).code == 2);
}

TEST_CASE("report: a stored title's control characters are escaped in the rows and the PDF") {
    const ReportDir dir;
    const std::string title = "Wall drill\x1b[2K\r\xc2\x9b"
                              "31m";
    {
        auto history = dir.history();
        const auto id =
            history->beginSession(title, "h", "f.yaml", kMondayEvening - kDay, Side::Left, 280);
        history->recordStep(id, {1, Side::Left, 0, "Step\x1b[1A", 30}, 30, 0,
                            kMondayEvening - kDay + 30);
        history->endSession(id, "stopped", "sharp pain, numbness or tingling", 30, 0,
                            kMondayEvening - kDay + 30);
    }
    const Result rows = dir.run({"report", "--csv", "-"});
    REQUIRE(rows.code == 0);
    for (const char c : rows.out) {
        CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
    }
    CHECK(rows.out.find("Wall drill\\x1b[2K\\x0d\\u009b31m") != std::string::npos);
    CHECK(rows.out.find("left side, step \"\"Step\\x1b[1A\"\"") != std::string::npos);
    if (haveTool("pdftotext")) {
        const fs::path pdf = dir.path / "escaped.pdf";
        REQUIRE(dir.run({"report", "--out", pdf.string()}).code == 0);
        CHECK(pdfText(pdf).find("Wall drill\\x1b[2K\\x0d\\u009b31m") != std::string::npos);
    }
}

TEST_CASE("report: a Hebrew title and step name read back in order, the words around them too") {
    if (!haveTool("pdftotext")) {
        MESSAGE("poppler-utils not installed: the PDF is not read back");
        return;
    }
    const ReportDir dir;
    const std::string title =
        "\u05e2\u05d9\u05e1\u05d5\u05d9 \u05db\u05ea\u05e3";               // shoulder massage
    const std::string step = "\u05e2\u05d9\u05d2\u05d5\u05dc\u05d9\u05dd"; // circles
    recordPainStop(dir, title, step);
    const fs::path pdf = dir.path / "hebrew.pdf";
    const Result r = dir.run({"report", "--out", pdf.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    // pdftotext orders what it reads by where it is on the page, and reads a run of Hebrew
    // letters from right to left, as Hebrew is read: a title drawn in order (its first letter
    // rightmost) comes back as it was written, one drawn letter after letter from the left
    // (cairo's own text drawing) comes back reversed. The colon and the count after the
    // title stay after it only when the title is set apart from the sentence around it.
    const std::string text = withoutEmbeddingMarks(pdfText(pdf));
    INFO(text);
    CHECK(text.find(title + ": 1 session (1 stopped early), 40 s in all") != std::string::npos);
    CHECK(text.find(step) != std::string::npos);
    CHECK(text.find(reversedCharacters(title)) == std::string::npos);
    CHECK(text.find(reversedCharacters(step)) == std::string::npos);
    CHECK(text.find("21 Nov 20:00") != std::string::npos);
}

TEST_CASE("report: Japanese titles are drawn in a font that has them, not as empty boxes") {
    if (!haveTool("pdftotext") || !haveTool("pdffonts")) {
        MESSAGE("poppler-utils not installed: the PDF is not read back");
        return;
    }
    const ReportDir dir;
    const std::string title =
        "\u80a9\u3053\u308a\u306e\u30b9\u30c8\u30ec\u30c3\u30c1"; // 肩こりのストレッチ
    const std::string step = "\u5c0f\u3055\u306a\u5186";          // 小さな円
    recordPainStop(dir, title, step);
    const fs::path pdf = dir.path / "japanese.pdf";
    const Result r = dir.run({"report", "--out", pdf.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string text = pdfText(pdf);
    INFO(text);
    CHECK(text.find(title + ": 1 session (1 stopped early), 40 s in all") != std::string::npos);
    CHECK(text.find(step) != std::string::npos);

    // pdftotext gives the characters back even when they were drawn as empty boxes (the font's
    // "no glyph" shape still maps to them), so the fonts tell: one of them must be a font the
    // machine has for Japanese.
    const std::string japanese = commandOutput("fc-list :lang=ja postscriptname");
    if (japanese.empty()) {
        MESSAGE("no font for Japanese installed (fonts-ipafont-gothic): the fonts are not checked");
        return;
    }
    const std::vector<std::string> fonts = pdfFontNames(pdf);
    bool drawnInJapanese = false;
    for (const std::string& font : fonts) {
        INFO(font);
        CHECK(!font.empty());
        drawnInJapanese |= japanese.find("postscriptname=" + font + "\n") != std::string::npos;
    }
    INFO(japanese);
    CHECK(drawnInJapanese);
}

TEST_CASE("report: a 400-letter title and step name wrap inside the page, every letter kept") {
    if (!haveTool("pdftotext")) {
        MESSAGE("poppler-utils not installed: the PDF is not read back");
        return;
    }
    std::string oneWord;
    std::string words;
    for (int i = 0; i < 40; ++i) {
        oneWord += "Shoulderbl";
        words += i % 2 == 0 ? "Shoulder " : "blade roll ";
    }
    REQUIRE(oneWord.size() == 400);
    const std::string greek =
        "\u039c\u03b1\u03c3\u03ac\u03b6 \u03ce\u03bc\u03bf\u03c5 "; // Μασάζ ώμου
    std::string longStep;
    while (longStep.size() < 400) {
        longStep += greek;
    }
    const ReportDir dir;
    recordPainStop(dir, oneWord, longStep);
    recordPainStop(dir, words, oneWord);
    const fs::path pdf = dir.path / "long.pdf";
    const Result r = dir.run({"report", "--out", pdf.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);

    const std::vector<PlacedPage> pages = pdfWords(pdf);
    REQUIRE(!pages.empty());
    const double margin = 48;
    const double slack = 0.5; // a glyph's box may reach a little past its advance
    std::size_t placed = 0;
    for (const PlacedPage& page : pages) {
        for (const PlacedWord& word : page.words) {
            INFO(word.text);
            CHECK(word.xMin >= margin - slack);
            CHECK(word.xMax <= page.width - margin + slack);
            ++placed;
        }
    }
    CHECK(placed > 100);

    // Wrapped, not cut short: every letter is still there, in order, once the line breaks
    // are taken out.
    std::string joined;
    for (const char c : pdfText(pdf)) {
        if (c != '\n' && c != ' ' && c != '\f') {
            joined += c;
        }
    }
    auto squeezed = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        return s;
    };
    INFO(joined);
    CHECK(joined.find(oneWord + ":1session") != std::string::npos);
    CHECK(joined.find(squeezed(words) + ":1session") != std::string::npos);
    CHECK(joined.find(squeezed(longStep)) != std::string::npos);
    CHECK(joined.find("step\"" + oneWord + "\"") != std::string::npos);
}

TEST_CASE("a pain stop after a rating: marked in progress --json and on the report's first page") {
    const ReportDir dir;
    {
        auto history = dir.history();
        const std::int64_t at = kMondayEvening - 2 * kDay;
        const auto id =
            history->beginSession("Wall tennis-ball drill", "h", "wall.yaml", at, Side::Right, 280);
        history->recordCheckIn(id, {Side::Right, false, 6, 1}, at + 12);
        history->recordStep(id, {1, Side::Right, 0, "Find the spot", 14}, 0, 14, at + 24);
        history->endSession(id, "stopped", "sharp pain, numbness or tingling", 0, 14, at + 24);
    }
    const Result progress = dir.run({"progress", "--json"});
    REQUIRE(progress.code == 0);
    const auto json = nlohmann::json::parse(progress.out);
    REQUIRE(json["sides"]["right"]["sessions"].size() == 1);
    const auto& session = json["sides"]["right"]["sessions"][0];
    CHECK(session["matters"] == false);
    REQUIRE(session["pain_stop"].is_object());
    CHECK(session["pain_stop"]["side"] == "right");
    CHECK(session["pain_stop"]["step"] == "Find the spot");
    CHECK(session["pain_stop"]["into_step_s"] == 14.0);
    REQUIRE(json["pain_stops"].size() == 1);
    CHECK(json["pain_stops"][0]["routine"] == "Wall tennis-ball drill");
    const Result text = dir.run({"progress"});
    CHECK(text.out.find("STOPPED FOR PAIN: right side, step \"Find the spot\" (round 1), after "
                        "0:14 of work") != std::string::npos);

    if (!haveTool("pdftotext")) {
        MESSAGE("poppler-utils not installed: the PDF is not read back");
        return;
    }
    const fs::path pdf = dir.path / "named.pdf";
    const Result r = dir.run({"report", "--name", "Dana Levi", "--note",
                              "Right shoulder since March; rates tension after desk days", "--out",
                              pdf.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string all = pdfText(pdf);
    const std::string firstPage = all.substr(0, all.find('\f'));
    INFO(firstPage);
    CHECK(firstPage.find("For: Dana Levi") != std::string::npos);
    CHECK(firstPage.find("Note: Right shoulder since March; rates tension after desk days") !=
          std::string::npos);
    CHECK(firstPage.find("STOPPED FOR PAIN: right side, step \"Find the spot\"") !=
          std::string::npos);
}

TEST_CASE("report in German: the pain stop in red by its flag, its words German") {
    if (!haveTool("pdftotext") || !haveTool("pdftoppm")) {
        MESSAGE("poppler-utils not installed: the PDF is not read back");
        return;
    }
    const ReportDir dir;
    fillHistory(dir);
    const RealCatalog german("de");
    const std::string stopped = rollcoach::fillIn(_("STOPPED FOR PAIN: {0}"), "");
    REQUIRE(stopped.find("STOPPED") == std::string::npos); // the catalog is there
    const fs::path pdf = dir.path / "bericht.pdf";
    const Result r = dir.run({"report", "--weeks", "4", "--out", pdf.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string text = pdfText(pdf);
    const std::string firstPage = text.substr(0, text.find('\f'));
    INFO(firstPage);
    CHECK(firstPage.find(stopped) != std::string::npos);
    CHECK(firstPage.find("STOPPED FOR PAIN") == std::string::npos);
    CHECK(painRedPixels(pdf) > 40);
}
