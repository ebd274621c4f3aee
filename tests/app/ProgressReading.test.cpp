#include "AppHarness.hpp"
#include "TestSupport.hpp"

#include "app/screens/ProgressScreen.hpp"
#include "core/History.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

constexpr std::int64_t kMonday = 1795435200; // 2026-11-23 12:00 UTC

bool shows(const ProgressScreen& screen, const std::string& text) {
    const auto texts = screen.textsShown();
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

} // namespace

TEST_CASE("the progress screen reads the history off the window's thread, saying so meanwhile") {
    const HangGuard guard(60);
    TempPath data("progress-reading");
    std::string path;
    {
        std::string notice;
        auto history = History::open(data.path.string(), kMonday, notice);
        for (int i = 1; i <= 3; ++i) {
            const std::int64_t start = kMonday - i * 86400;
            const auto id = history->beginSession("Wall", "h", "wall.yaml", start, Side::Left, 100);
            history->recordCheckIn(id, {Side::Left, false, 6, 1}, start + 10);
            history->recordCheckIn(id, {Side::Left, true, 3, 1}, start + 300);
            history->endSession(id, "finished", "", 100, 100, start + 600);
        }
        path = history->path();
    }
    // The window's own connection, not used meanwhile; another holds the file locked, so
    // reading it waits until that one lets go.
    auto windows = History::openToRead(path);
    sqlite3* locker = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &locker) == SQLITE_OK);
    REQUIRE(sqlite3_exec(locker,
                         "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                         "INSERT INTO meta VALUES ('held', '1')",
                         nullptr, nullptr, nullptr) == SQLITE_OK);

    Harness h;
    h.clock = FixedClock{kMonday};
    h.app.history = windows.get();
    // Made, laid out and drawn while the history cannot be read: it says it is reading, and
    // asks the loop for updates so that it can show the history once read.
    ProgressScreen screen(h.app);
    screen.layout({1280, 720});
    CHECK(screen.reading());
    CHECK(screen.animating());
    CHECK(shows(screen, "Reading your history…"));
    CHECK(screen.routines().empty());
    for (int i = 0; i < 5; ++i) {
        screen.update(0.05);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(screen.reading());
    CHECK(shows(screen, "Reading your history…"));
    // Keys still answer meanwhile.
    sf::Event escape;
    escape.type = sf::Event::KeyPressed;
    escape.key = {sf::Keyboard::Escape, false, false, false, false};
    CHECK(screen.handle(escape).kind == ScreenRequest::Kind::Back);

    // The lock let go: the next updates show the history.
    REQUIRE(sqlite3_exec(locker, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(locker);
    while (screen.reading()) {
        screen.update(0.05);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK_FALSE(screen.animating());
    CHECK_FALSE(shows(screen, "Reading your history…"));
    CHECK(screen.routineShown() == "Wall");
    CHECK(screen.progress().left.sessions.size() == 3);
    CHECK(screen.boxes().has("chart left"));
    CHECK(screen.summary().find("Left side: 3 sessions") != std::string::npos);
}

TEST_CASE("the progress screen: a history that cannot be read is said, after reading") {
    const HangGuard guard(60);
    TempPath data("progress-unreadable");
    std::string path;
    {
        std::string notice;
        path = History::open(data.path.string(), kMonday, notice)->path();
    }
    auto windows = History::openToRead(path);
    Harness h;
    h.app.history = windows.get();
    std::filesystem::remove(path);
    std::filesystem::create_directory(path); // no database at all where it was
    ProgressScreen screen(h.app);
    screen.waitForHistory();
    screen.layout({1280, 720});
    CHECK_FALSE(screen.reading());
    CHECK(screen.summary().find("cannot be read") != std::string::npos);
    CHECK(screen.boxes().has("message"));
}
