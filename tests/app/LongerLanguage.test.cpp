// The window in a language longer than English. German runs about a third longer; every text
// marked for the catalog is given here a third longer again than its English, through a
// catalog made from the sources themselves, and the screens must still hold every text whole
// at every size, without falling back to a crowded layout.
#include "AppHarness.hpp"
#include "TestSupport.hpp"

#include "app/Widgets.hpp"
#include "app/screens/EndScreen.hpp"
#include "app/screens/HelpScreen.hpp"
#include "app/screens/ListScreen.hpp"
#include "app/screens/SessionScreen.hpp"
#include "app/screens/SetupScreen.hpp"
#include "core/Session.hpp"
#include "core/Translate.hpp"

#include <SFML/Graphics.hpp>

#include <clocale>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

const std::vector<sf::Vector2u> kSizes = {{800, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

std::string sizeName(sf::Vector2u size) {
    return std::to_string(size.x) + "x" + std::to_string(size.y);
}

// Each word of an escaped PO string a third longer (its end repeated), placeholders ({0}),
// escapes (\n) and bytes of other letters kept as they are.
std::string lengthened(const std::string& escaped) {
    std::string out;
    for (std::size_t i = 0; i < escaped.size();) {
        const char c = escaped[i];
        if (c == '\\' && i + 1 < escaped.size()) {
            out += escaped.substr(i, 2);
            i += 2;
        } else if (c == '{') {
            const std::size_t end = escaped.find('}', i);
            const std::size_t stop = end == std::string::npos ? escaped.size() : end + 1;
            out += escaped.substr(i, stop - i);
            i = stop;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t end = i;
            while (end < escaped.size() && std::isalpha(static_cast<unsigned char>(escaped[end]))) {
                ++end;
            }
            const std::string word = escaped.substr(i, end - i);
            const std::size_t more =
                static_cast<std::size_t>(std::ceil(static_cast<double>(word.size()) / 3));
            out += word + word.substr(word.size() - std::min(more, word.size()));
            i = end;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

// The sources' texts, extracted as the build does, each given a translation a third longer.
class LongerCatalog {
public:
    LongerCatalog() : m_root("longer-language") {
        const fs::path pot = m_root.path / "rollcoach.pot";
        const std::string extract =
            "cd '" + std::string(ROLLCOACH_SOURCE_DIR) +
            "' && find src -name '*.cpp' -o -name '*.hpp' | sort | xargs xgettext --no-wrap "
            "--from-code=UTF-8 --language=C++ -k_ -kN_ -kplural:2,3 -o '" +
            pot.string() + "'";
        if (std::system(extract.c_str()) != 0) {
            return;
        }
        std::ifstream in(pot);
        std::ofstream po(m_root.path / "de.po");
        std::string line;
        std::string msgid;
        std::string plural;
        while (std::getline(in, line)) {
            const auto quoted = [&](const std::string& key) {
                return line.substr(key.size() + 2, line.size() - key.size() - 3);
            };
            if (line.rfind("msgid \"", 0) == 0) {
                msgid = quoted("msgid");
                plural.clear();
                po << line << "\n";
            } else if (line.rfind("msgid_plural \"", 0) == 0) {
                plural = quoted("msgid_plural");
                po << line << "\n";
            } else if (line == "msgstr \"\"" && !msgid.empty()) {
                po << "msgstr \"" << lengthened(msgid) << "\"\n";
                ++m_texts;
            } else if (line == "msgstr[0] \"\"") {
                po << "msgstr[0] \"" << lengthened(msgid) << "\"\n";
            } else if (line == "msgstr[1] \"\"") {
                po << "msgstr[1] \"" << lengthened(plural) << "\"\n";
                ++m_texts;
            } else if (line.rfind("\"Content-Type:", 0) == 0) {
                po << "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                   << "\"Language: de\\n\"\n";
            } else if (line.rfind("\"Plural-Forms:", 0) == 0) {
                po << "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n";
            } else {
                po << line << "\n";
            }
        }
        po.close();
        const fs::path folder = m_root.path / "de" / "LC_MESSAGES";
        fs::create_directories(folder);
        const std::string compile = "msgfmt -o '" + (folder / "rollcoach.mo").string() + "' '" +
                                    (m_root.path / "de.po").string() + "'";
        m_ready = std::system(compile.c_str()) == 0;
        m_formerFolder = ::bindtextdomain(kTextDomain, nullptr);
        ::bindtextdomain(kTextDomain, m_root.path.c_str());
        // The texts are UTF-8, whatever the character set of the test's own locale.
        ::bind_textdomain_codeset(kTextDomain, "UTF-8");
        ::setenv("LANGUAGE", "de", 1);
        // LANGUAGE counts only in a locale other than "C"; C.UTF-8 is always there.
        std::setlocale(LC_MESSAGES, "C.UTF-8");
    }
    ~LongerCatalog() {
        ::unsetenv("LANGUAGE");
        std::setlocale(LC_MESSAGES, "C");
        ::bindtextdomain(kTextDomain, m_formerFolder.c_str());
    }
    bool ready() const { return m_ready; }
    int texts() const { return m_texts; }

private:
    TempPath m_root;
    std::string m_formerFolder;
    bool m_ready = false;
    int m_texts = 0;
};

fs::path shotsFolder() {
    const fs::path folder = fs::temp_directory_path() / "rollcoach-layout-longer";
    fs::create_directories(folder);
    return folder;
}

// Laid out without crowding, no two boxes meeting, every box inside the window; the picture
// kept to look at.
void checkHolds(const Screen& screen, sf::Vector2u size, const std::string& what) {
    INFO(what << " at " << sizeName(size));
    CHECK_FALSE(screen.boxes().lenient);
    const auto& boxes = screen.boxes().all();
    const float slack = 0.5f;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const auto& [name, box] = boxes[i];
        INFO(name << " " << box.left << "," << box.top << " " << box.width << "x" << box.height);
        CHECK(box.left >= -slack);
        CHECK(box.top >= -slack);
        CHECK(box.left + box.width <= static_cast<float>(size.x) + slack);
        CHECK(box.top + box.height <= static_cast<float>(size.y) + slack);
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            sf::FloatRect overlap;
            const bool meet = box.intersects(boxes[j].second, overlap) && overlap.width > slack &&
                              overlap.height > slack;
            INFO("and " << boxes[j].first);
            CHECK_FALSE(meet);
        }
    }
    sf::RenderTexture texture;
    REQUIRE(texture.create(size.x, size.y));
    screen.draw(texture);
    texture.display();
    CHECK(texture.getTexture().copyToImage().saveToFile(
        (shotsFolder() / (what + "-" + sizeName(size) + ".png")).string()));
}

std::string routineNearTheSpine(double xCm) {
    std::ostringstream yaml;
    yaml << "format: 1\ntitle: Upper back against the wall\ndrill: wall\nball: tennis\n"
            "schedule: {rounds: 2, switch_s: 10, lead_in_s: 0}\nsetup:\n"
            "  - Stand with your back to a wall, feet a short step from it, knees soft.\n"
            "  - Put the tennis ball between your shoulder blade and your spine.\nsteps:\n";
    for (int i = 0; i < 2; ++i) {
        yaml << "  - name: Slow sweep beside the shoulder blade\n"
                "    cue: Lean into the wall and roll the ball slowly along the muscle.\n"
                "    duration_s: 30\n    place: [{x_cm: "
             << xCm
             << ", y_cm: 10}]\n    motion: {pattern: horizontal, amplitude_cm: 2, period_s: 8}\n";
    }
    return yaml.str();
}

} // namespace

TEST_CASE("a longer language: the list, setup, session and end screens hold at every size") {
    const LongerCatalog catalog;
    REQUIRE(catalog.ready());
    REQUIRE(catalog.texts() > 300);
    // The catalog is in use: a window text comes back longer.
    REQUIRE(std::string(_("Due today:")) != "Due today:");
    Harness h;
    h.clock = FixedClock{1795435200}; // a Monday: the shipped routines are due

    ListScreen list(h.app);
    REQUIRE_FALSE(list.dueToday().empty());
    for (sf::Vector2u size : kSizes) {
        list.layout(size);
        checkHolds(list, size, "list");
    }

    SetupScreen safe(h.app, routineFrom(routineNearTheSpine(8)), {"safe.yaml", "h"}, std::nullopt);
    SetupScreen unsafe(h.app, routineFrom(routineNearTheSpine(1)), {"close.yaml", "h"},
                       std::nullopt);
    REQUIRE_FALSE(unsafe.warnings().empty());
    for (sf::Vector2u size : kSizes) {
        safe.layout(size);
        checkHolds(safe, size, "setup-safe");
        unsafe.layout(size);
        checkHolds(unsafe, size, "setup-unsafe");
    }

    // A warning and the tension prompt at once.
    Session session(routineFrom(routineNearTheSpine(3.5)), {}, Side::Left, h.body, h.clock,
                    nullptr);
    SessionScreen screen(h.app, session);
    session.advance(2);
    REQUIRE_FALSE(session.snapshot().warning.empty());
    REQUIRE(session.snapshot().tensionPrompt.has_value());
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkHolds(screen, size, "session-warning-prompt");
    }
    session.pause();
    for (sf::Vector2u size : kSizes) {
        screen.layout(size);
        checkHolds(screen, size, "session-paused");
    }

    Session done(routineFrom(routineNearTheSpine(8)), {}, Side::Left, h.body, h.clock, nullptr);
    while (!done.over()) {
        done.next();
    }
    EndScreen end(h.app, done);
    Session stopped(routineFrom(routineNearTheSpine(8)), {}, Side::Left, h.body, h.clock, nullptr);
    stopped.stopForPain();
    EndScreen pain(h.app, stopped);
    for (sf::Vector2u size : kSizes) {
        end.layout(size);
        checkHolds(end, size, "end");
        pain.layout(size);
        checkHolds(pain, size, "end-pain");
    }
    MESSAGE("pictures in " << shotsFolder().string());
}
