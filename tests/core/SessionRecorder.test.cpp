#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/Session.hpp"

#include <sqlite3.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

constexpr std::int64_t kMonday = kTestMonday;
const std::string kTwoSteps = twoStepRoutine();

// Another program's connection holding the history's write lock until released.
class Lock {
public:
    explicit Lock(const TempPath& dir) {
        REQUIRE(sqlite3_open((dir.path / "history.sqlite").c_str(), &m_db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(m_db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    void release() {
        if (m_db != nullptr) {
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_close(m_db);
            m_db = nullptr;
        }
    }
    ~Lock() { release(); }
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

private:
    sqlite3* m_db = nullptr;
};

// A history that waits 50 ms for a lock, so a test does not sit out the full wait.
struct Bench {
    TempPath dir{"recorder"};
    FixedClock clock{kMonday};
    std::unique_ptr<History> history;
    Bench() {
        std::string notice;
        history = History::open(dir.path.string(), kMonday, notice, 50);
    }
    std::unique_ptr<Session> start() {
        return std::make_unique<Session>(routineFrom(kTwoSteps), RoutineSource{"two.yaml", "cafe"},
                                         Side::Left, referenceBody(), clock, history.get());
    }
};

} // namespace

TEST_CASE("a history locked past the wait mid-session: nothing is lost once the lock goes") {
    Bench bench;
    auto session = bench.start();
    session->advance(10);
    {
        Lock lock(bench.dir);
        bench.clock.advance(15);
        session->advance(15); // the first step is left: its write waits
        CHECK(session->recorder().waiting() == 1);
        CHECK(session->summary().historyProblem.find("not written yet") != std::string::npos);
        CHECK(session->summary().historyProblem.find("locked") != std::string::npos);
        session->advance(100); // the rest, and the end, wait behind it
        CHECK(session->state() == SessionState::Finished);
        CHECK(session->recorder().waiting() >= 4);
        CHECK(session->retryHistory() >= 4); // still locked: still waiting
        lock.release();
        bench.clock.advance(100);
        CHECK(session->retryHistory() == 0);
    }
    CHECK(session->summary().historyProblem.empty());
    const SessionRecord r = bench.history->sessions(1).at(0);
    CHECK(r.how == "finished");
    CHECK(r.leftS == 40);
    CHECK(r.rightS == 40);
    REQUIRE(r.steps.size() == 4);
    CHECK(r.steps[0].seconds == 20);
    CHECK(r.steps[3].seconds == 20);
    // Written late, the end keeps the time it happened at, not the time it was written.
    REQUIRE(r.endedAt);
    CHECK(*r.endedAt == kMonday + 15);
}

TEST_CASE("a session begun while the history is locked is written whole when it is free") {
    Bench bench;
    std::unique_ptr<Session> session;
    {
        Lock lock(bench.dir);
        session = bench.start();
        session->advance(30);
        session->leave();
        CHECK(session->recorder().waiting() == 4); // begin, two steps, the end
        lock.release();
        // The next write tries what waits first.
        CHECK(session->rate(4));
    }
    CHECK(session->recorder().waiting() == 0);
    const SessionRecord r = bench.history->sessions(1).at(0);
    CHECK(r.startedAt == kMonday);
    CHECK(r.how == "stopped");
    CHECK(r.leftS == 30);
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[1].seconds == 10);
    CHECK(r.checkIns.size() == 1);
}

TEST_CASE("a lock that never goes: the session ends, says what was not written, never throws") {
    Bench bench;
    Lock lock(bench.dir);
    auto session = bench.start();
    session->advance(200);
    CHECK(session->state() == SessionState::Finished);
    CHECK(session->retryHistory(true) > 0);
    CHECK_FALSE(session->summary().historyProblem.empty());
    CHECK(session->recorder().lastFailure().find("locked") != std::string::npos);
}

TEST_CASE("ended from outside, the part of the step done counts, with the reason") {
    Bench bench;
    auto session = bench.start();
    session->advance(27); // 7 s into the second step
    session->endNow("ended by SIGTERM");
    CHECK(session->over());
    const SessionRecord r = bench.history->sessions(1).at(0);
    CHECK(r.how == "stopped");
    CHECK(r.stopReason == "ended by SIGTERM");
    CHECK(r.leftS == 27);
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[1].seconds == 7);
}
