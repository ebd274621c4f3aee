#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/Session.hpp"
#include "core/Workspace.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kMonday = kTestMonday;
const std::string kTwoSteps = twoStepRoutine();

// A history in a folder of its own, and the session's clock.
struct Bench {
    TempPath dir{"session"};
    FixedClock clock{kMonday};
    std::unique_ptr<History> history;
    Bench() {
        std::string notice;
        history = History::open(dir.path.string(), kMonday, notice);
    }
    std::unique_ptr<Session> start(Side first, const std::string& yaml = kTwoSteps) {
        return std::make_unique<Session>(routineFrom(yaml), RoutineSource{"two.yaml", "cafe"},
                                         first, referenceBody(), clock, history.get());
    }
    SessionRecord last() const { return history->sessions(1).at(0); }
};

bool hasKind(const std::vector<Cue>& cues, Cue::Kind kind) {
    for (const Cue& cue : cues) {
        if (cue.kind == kind) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("a session run to its end is recorded as finished, stamped by the clock it is given") {
    Bench bench;
    auto session = bench.start(Side::Left);
    const std::vector<Cue> opening = session->advance(0);
    REQUIRE(opening.size() == 2);
    CHECK(opening[0].kind == Cue::Kind::StepStarts);
    CHECK(opening[0].words == "Left side. Hold.");
    CHECK(opening[1].kind == Cue::Kind::TensionAsked); // before the left side
    bench.clock.advance(90);
    const std::vector<Cue> cues = session->advance(85);
    CHECK(hasKind(cues, Cue::Kind::Finished));
    CHECK(session->state() == SessionState::Finished);
    CHECK(session->advance(10).empty()); // nothing after the end
    const SessionRecord r = bench.last();
    CHECK(r.startedAt == kMonday);
    CHECK(r.endedAt == kMonday + 90);
    CHECK(r.routineHash == "cafe");
    CHECK(r.routineFile == "two.yaml");
    CHECK(r.how == "finished");
    CHECK(outcome(r) == "finished");
    CHECK(r.plannedS == 40);
    CHECK(r.leftS == 40);
    CHECK(r.rightS == 40);
    REQUIRE(r.steps.size() == 4);
    for (const StepRecord& step : r.steps) {
        CHECK(step.seconds == 20);
    }
    CHECK(countsAsDone(r));
}

TEST_CASE("skipping every step leaves the session partial, and the day still due") {
    Bench bench;
    auto session = bench.start(Side::Left);
    session->advance(2);
    std::vector<Cue> cues;
    while (!session->over()) {
        cues = session->next();
    }
    CHECK(hasKind(cues, Cue::Kind::Finished));
    CHECK(session->state() == SessionState::Finished);
    CHECK(session->summary().outcome == "partial");
    const SessionRecord r = bench.last();
    CHECK(r.leftS == 2);
    CHECK(r.rightS == 0);
    CHECK(outcome(r) == "partial");
    CHECK_FALSE(countsAsDone(r));
    // Every step is in the record, the skipped ones with nothing done.
    REQUIRE(r.steps.size() == 4);
    CHECK(r.steps[0].seconds == 2);
    CHECK(r.steps[1].seconds == 0);
    const auto routines =
        std::vector<std::pair<std::string, Routine>>{{"two.yaml", routineFrom(kTwoSteps)}};
    setenv("TZ", "UTC", 1);
    tzset();
    const auto due = dueToday(routines, bench.history->sessions(), kMonday, Settings{});
    REQUIRE(due.size() == 1);
    CHECK(due[0].state == DayState::Partial);
    CHECK(due[0].doneLeftS == 2);
}

TEST_CASE("the done rule: each side needs three quarters of its planned time") {
    SessionRecord r;
    r.how = "finished";
    r.plannedS = 100;
    r.leftS = 75;
    r.rightS = 75;
    CHECK(countsAsDone(r));
    r.rightS = 70;
    CHECK_FALSE(countsAsDone(r));
    CHECK(outcome(r) == "partial");
    r.how = "stopped";
    r.rightS = 100;
    CHECK_FALSE(countsAsDone(r));
    CHECK(outcome(r) == "stopped");
    // A session from before planned time was kept counts as recorded.
    SessionRecord old;
    old.how = "finished";
    CHECK(countsAsDone(old));
}

TEST_CASE("starting part-way credits nothing that did not run") {
    Bench bench;
    auto session = bench.start(Side::Left);
    session->skipTo(30); // into the switch... no: 20 s of hold, 10 s into the sweep
    CHECK(session->doneOnSide(Side::Left) == 0);
    session->advance(5);
    CHECK(session->doneOnSide(Side::Left) == 5);
    session->skipTo(std::nan(""));
    CHECK(session->elapsedS() == 0);
}

TEST_CASE("tension prompts: before a side, after it during the switch, and the last on the end") {
    Bench bench;
    auto session = bench.start(Side::Right);
    session->advance(1);
    auto prompt = session->snapshot().tensionPrompt;
    REQUIRE(prompt);
    CHECK(prompt->side == Side::Right);
    CHECK_FALSE(prompt->after);
    CHECK(session->rate(4));
    CHECK_FALSE(session->snapshot().tensionPrompt);
    CHECK(session->rate(5)); // answered, and still open: the answer changes
    CHECK_FALSE(session->snapshot().tensionPrompt);
    session->advance(12);
    CHECK_FALSE(session->snapshot().tensionPrompt); // past the first 12 s
    session->advance(28);                           // into the switch
    prompt = session->snapshot().tensionPrompt;
    REQUIRE(prompt);
    CHECK(prompt->side == Side::Right);
    CHECK(prompt->after);
    CHECK(session->rate(2));
    session->advance(6); // the left side's first step: its "before"
    prompt = session->snapshot().tensionPrompt;
    REQUIRE(prompt);
    CHECK(prompt->side == Side::Left);
    CHECK_FALSE(prompt->after);
    CHECK_FALSE(session->rate(11)); // out of range
    session->advance(60);
    REQUIRE(session->over());
    // The end screen asks about the side that went last, and keeps what was given before.
    const SessionSummary summary = session->summary();
    REQUIRE(summary.tensionPrompt);
    CHECK(summary.tensionPrompt->side == Side::Left);
    CHECK(summary.tensionPrompt->after);
    CHECK(session->rate(1));
    CHECK_FALSE(session->summary().tensionPrompt);
    const SessionRecord r = bench.last();
    REQUIRE(r.checkIns.size() == 3);
    CHECK(r.checkIns[0].side == Side::Right);
    CHECK(r.checkIns[0].rating == 5); // the last answer, once
    CHECK(r.checkIns[1].rating == 2);
    CHECK(r.checkIns[1].after);
    CHECK(r.checkIns[2].side == Side::Left);
    CHECK(r.checkIns[2].after);
    CHECK(r.checkIns[2].rating == 1);
}

TEST_CASE("a stop for pain ends at once, records what was done, and asks nothing more") {
    Bench bench;
    auto session = bench.start(Side::Left);
    session->advance(7);
    session->askToLeave(); // even while asking to leave
    const std::vector<Cue> cues = session->stopForPain();
    CHECK(hasKind(cues, Cue::Kind::StoppedForPain));
    CHECK(session->state() == SessionState::StoppedForPain);
    CHECK_FALSE(session->summary().tensionPrompt);
    CHECK_FALSE(session->rate(3));
    CHECK(session->advance(5).empty());
    const SessionRecord r = bench.last();
    CHECK(r.how == "stopped");
    CHECK(r.stopReason == "sharp pain, numbness or tingling");
    CHECK(r.leftS == 7);
    REQUIRE(r.steps.size() == 1);
    CHECK(r.steps[0].seconds == 7);
}

TEST_CASE("leaving asks first: staying carries on, confirming ends it") {
    Bench bench;
    auto session = bench.start(Side::Left);
    session->advance(3);
    session->askToLeave();
    CHECK(session->snapshot().askingToLeave);
    session->advance(2); // the clock does not wait for the answer
    session->stay();
    CHECK_FALSE(session->askingToLeave());
    CHECK_FALSE(session->over());
    session->askToLeave();
    const std::vector<Cue> cues = session->leave();
    CHECK(hasKind(cues, Cue::Kind::Left));
    CHECK(session->state() == SessionState::Left);
    CHECK(session->summary().outcome == "stopped");
    const SessionRecord r = bench.last();
    CHECK(r.how == "stopped");
    CHECK(r.stopReason == "stopped by the user");
    CHECK(r.leftS == 5);
}

TEST_CASE("after a session, the next one starts on the other side, whatever asks") {
    Bench bench;
    const Routine routine = routineFrom(kTwoSteps);
    Side first =
        firstSideFor(routine, std::nullopt, recentSessions(bench.history.get()), kMonday).side;
    CHECK(first == Side::Left);
    for (int i = 0; i < 3; ++i) {
        auto session = bench.start(first);
        session->advance(85);
        REQUIRE(session->state() == SessionState::Finished);
        session.reset();
        bench.clock.advance(3600);
        const SideChoice next = firstSideFor(
            routine, std::nullopt, recentSessions(bench.history.get()), bench.clock.now());
        CHECK(next.side == otherSide(first));
        first = next.side;
    }
    setenv("TZ", "UTC", 1);
    tzset();
    const auto due = dueToday({{"two.yaml", routine}}, recentSessions(bench.history.get()),
                              bench.clock.now(), Settings{});
    REQUIRE(due.size() == 1);
    CHECK(due[0].state == DayState::Done);
    CHECK(due[0].firstSide.side == first);
}

TEST_CASE("previous and next record each visit to a step, never counting time twice") {
    Bench bench;
    auto session = bench.start(Side::Left);
    session->advance(10);
    session->next();     // leaves Hold after 10 s
    session->advance(1); // 1 s of Sweep
    session->previous(); // within 2 s of its start: back to Hold
    session->advance(4);
    session->leave();
    const SessionRecord r = bench.last();
    double total = 0;
    for (const StepRecord& step : r.steps) {
        total += step.seconds;
    }
    CHECK(total == 15);
    CHECK(r.leftS == 15);
}

TEST_CASE("the snapshot carries the verdict for the moment shown, and none while lifted") {
    FixedClock clock(kMonday);
    Session session(routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]",
                                        "{pattern: horizontal, amplitude_cm: 5, period_s: 8}")),
                    {}, Side::Left, referenceBody(), clock, nullptr);
    // Ten seconds to get ready first: the ball shown where it goes, safe.
    session.skipTo(5);
    CHECK(session.snapshot().gettingReady);
    CHECK(session.snapshot().warning.empty());
    REQUIRE(session.snapshot().balls.size() == 1);
    CHECK(session.snapshot().balls[0].inRoutineFrame.xCm == 8);
    session.skipTo(12);
    CHECK(session.snapshot().warning.empty());
    session.skipTo(16);
    const SessionSnapshot snap = session.snapshot();
    CHECK(snap.spine == Closeness::On);
    CHECK(snap.warning == "On the spine: move the ball 3.5 cm outward");
    CHECK(snap.balls.size() == 1);
    CHECK(snap.sideAfter == Side::Right);
    session.skipTo(31); // the switch
    const SessionSnapshot switching = session.snapshot();
    CHECK(switching.switching);
    CHECK(switching.warning.empty());
    CHECK(switching.side == Side::Right);
    CHECK(switching.step->name == "S");
}

TEST_CASE("a place on the spine is warned of whenever it is shown: getting ready, in the switch "
          "once the balls are shown where they go, and in the step") {
    FixedClock clock(kMonday);
    Session session(routineFrom(oneStep("tennis", "[{x_cm: 1, y_cm: 10}]", "hold")), {}, Side::Left,
                    referenceBody(), clock, nullptr);
    const std::string onSpine = "On the spine: move the ball 5.5 cm outward";
    // Every tenth of a second of the session: the warning shows exactly while a ball shows.
    for (int tenth = 0; tenth < 550; ++tenth) {
        session.skipTo(tenth / 10.0);
        const SessionSnapshot snap = session.snapshot();
        CAPTURE(tenth);
        if (snap.balls.empty()) {
            // Lifted in the first part of the switch: nothing on the back to warn of.
            CHECK(snap.switching);
            CHECK(snap.warning.empty());
            CHECK(snap.worst == Closeness::Safe);
            continue;
        }
        CHECK(snap.warning == onSpine);
        CHECK(snap.spine == Closeness::On);
        CHECK(snap.balls[0].verdict.worst == Closeness::On);
    }
    session.skipTo(33); // the switch, the ball shown on the right where it goes
    const SessionSnapshot switching = session.snapshot();
    CHECK(switching.switching);
    CHECK(switching.side == Side::Right);
    CHECK(switching.warning == onSpine);
}

TEST_CASE("what the warning box shows is said as it appears: getting ready, in the switch and "
          "in each step") {
    FixedClock clock(kMonday);
    Session session(routineFrom(oneStep("tennis", "[{x_cm: 1, y_cm: 10}]", "hold")), {}, Side::Left,
                    referenceBody(), clock, nullptr);
    std::set<std::size_t> shownIn;
    std::set<std::size_t> saidIn;
    std::string shownBefore;
    while (!session.over()) {
        const std::vector<Cue> cues = session.advance(0.1);
        if (session.over()) {
            break;
        }
        const SessionSnapshot snap = session.snapshot();
        const bool said = std::any_of(cues.begin(), cues.end(), [&](const Cue& cue) {
            return cue.kind == Cue::Kind::Warning && cue.words == snap.warning;
        });
        CAPTURE(snap.moment.segmentIndex);
        if (!snap.warning.empty()) {
            shownIn.insert(snap.moment.segmentIndex);
            if (shownBefore.empty()) {
                CHECK(said); // heard the moment it shows, not at the next step's start
            }
        }
        if (said) {
            saidIn.insert(snap.moment.segmentIndex);
        }
        shownBefore = snap.warning;
    }
    // Getting ready, a step, the switch, a step: each warned of, aloud, once.
    CHECK(shownIn.size() == 4);
    CHECK(saidIn == shownIn);
}

TEST_CASE("a history that fails mid-session: the session goes on and says why") {
    TempPath data("failing");
    FixedClock clock(kMonday);
    std::string notice;
    auto history = History::open(data.path.string(), 0, notice);
    Session session(routineFrom(kTwoSteps), {}, Side::Left, referenceBody(), clock, history.get());
    session.advance(25);
    CHECK(session.summary().historyProblem.empty());
    // Another process breaks the file under it (as a full disk or a bad sector would).
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data.path / "history.sqlite").c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "DROP TABLE steps", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    session.advance(20); // must not throw
    CHECK_FALSE(session.summary().historyProblem.empty());
    session.advance(60);
    CHECK(session.state() == SessionState::Finished);
}

TEST_CASE("a history opened after the session began gets all of it: the start, the steps done "
          "and the ratings, with the times they happened") {
    TempPath data("late");
    FixedClock clock(kMonday);
    Session session(routineFrom(kTwoSteps), {"two.yaml", "h"}, Side::Left, referenceBody(), clock,
                    nullptr, "history.sqlite: database is locked");
    CHECK(session.summary().historyProblem == "history.sqlite: database is locked");
    // Most of the session with no history to write to: the left side and its ratings, the
    // switch, and part of a step on the right.
    for (int s = 0; s < 60; ++s) {
        clock.advance(1);
        session.advance(1);
        if (session.snapshot().tensionPrompt) {
            session.rateAloud(5);
        }
    }
    CHECK(session.recorder().waiting() == 0); // none to a history there is
    std::string notice;
    auto history = History::open(data.path.string(), kMonday, notice);
    REQUIRE(history->sessions().empty());
    session.attachHistory(history.get());
    CHECK(session.summary().historyProblem.empty());
    std::vector<SessionRecord> sessions = history->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].startedAt == kMonday);
    CHECK(sessions[0].how == "running");
    CHECK(sessions[0].steps.size() == 2);
    CHECK(sessions[0].leftS == 40);
    CHECK(sessions[0].checkIns.size() == 3); // left before and after, right before
    while (!session.over()) {
        clock.advance(1);
        session.advance(1);
    }
    sessions = history->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].how == "finished");
    CHECK(sessions[0].steps.size() == 4);
    CHECK(sessions[0].leftS == 40);
    CHECK(sessions[0].rightS == 40);
}

TEST_CASE("the library keeps broken routines with their first error, after the shipped ones") {
    TempPath data("library");
    fs::create_directories(data.path / "routines");
    std::ofstream(data.path / "routines" / "mine.yaml") << "format: 1\ntitle: Mine\ndrill: wal\n";
    FixedClock clock(kMonday);
    Workspace workspace;
    workspace.paths = DataPaths{ROLLCOACH_SOURCE_DIR};
    workspace.dataDir = data.path.string();
    workspace.clock = &clock;
    const auto entries = loadRoutineLibrary(workspace, referenceBody());
    const std::size_t shipped =
        routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines").size();
    REQUIRE(entries.size() == shipped + 1);
    CHECK(entries[0].routine.has_value());
    CHECK(entries[0].shipped);
    CHECK(entries[0].hash.size() == 16);
    CHECK(entries[1].routine.has_value());
    CHECK_FALSE(entries[shipped].routine.has_value());
    CHECK_FALSE(entries[shipped].shipped);
    CHECK(entries[shipped].firstError() ==
          "mine.yaml:1:1: error: missing required key \"ball\" in the routine");
    CHECK(usableRoutines(entries).size() == shipped);
}

TEST_CASE("the hash a session records is of the text it was read from") {
    TempPath dir("hash");
    const fs::path file = dir.path / "r.yaml";
    std::ofstream(file) << kTwoSteps;
    const RoutineLoad load = loadRoutineFile(file.string(), referenceBody());
    CHECK(load.hash == routineHash(kTwoSteps));
    std::ofstream(file) << kTwoSteps << "# edited\n";
    CHECK(load.hash != loadRoutineFile(file.string(), referenceBody()).hash);
}

namespace {

// The words of every cue of a whole session run in one-second ticks, in order.
std::vector<std::string> spokenWords(Session& session, bool brief = false) {
    std::vector<std::string> said;
    while (!session.over()) {
        for (const Cue& cue : session.advance(1)) {
            const std::string& words = brief ? cue.briefWords : cue.words;
            if (!words.empty()) {
                said.push_back(words);
            }
        }
    }
    return said;
}

bool saidOnce(const std::vector<std::string>& said, const std::string& words) {
    return std::count(said.begin(), said.end(), words) == 1;
}

} // namespace

TEST_CASE("a get-ready comes first, counts 3-2-1 into the first step, and is no time on a side") {
    Bench bench;
    const std::string withLeadIn = std::string(kTwoSteps).replace(
        std::string(kTwoSteps).find("lead_in_s: 0"), 12, "lead_in_s: 8");
    auto session = bench.start(Side::Left, withLeadIn);
    std::vector<Cue> cues = session->advance(0);
    REQUIRE_FALSE(cues.empty());
    CHECK(cues[0].kind == Cue::Kind::GetReady);
    CHECK(cues[0].words.find("Get ready") == 0);
    SessionSnapshot snap = session->snapshot();
    CHECK(snap.gettingReady);
    CHECK(snap.side == Side::Left);
    CHECK(snap.tensionPrompt.has_value()); // the "before" rating is asked while getting ready
    CHECK(snap.countdown == 0);
    cues = session->advance(5.5);
    CHECK(session->snapshot().countdown == 3);
    int beats = 0;
    for (const Cue& cue : cues) {
        beats += cue.kind == Cue::Kind::CountdownBeat ? 1 : 0;
    }
    CHECK(beats == 1); // "3" at 5 s
    cues = session->advance(2.5);
    CHECK(hasKind(cues, Cue::Kind::StepStarts));
    CHECK(session->doneOnSide(Side::Left) == 0);
    CHECK(session->timeline().secondsOnSide(Side::Left) == 40);
    spokenWords(*session);
    CHECK(bench.last().leftS == 40);
    CHECK(bench.last().rightS == 40);
    CHECK(countsAsDone(bench.last()));
}

TEST_CASE("after a pause the clock waits for a count of three") {
    Bench bench;
    auto session = bench.start(Side::Left);
    session->advance(5);
    const auto paused = session->togglePause();
    REQUIRE(paused.size() == 1);
    CHECK(paused[0].words == "Paused.");
    session->advance(30);
    CHECK(session->elapsedS() == 5);
    const auto resumed = session->togglePause();
    REQUIRE(resumed.size() == 1);
    CHECK(resumed[0].words == "Going on in 3");
    CHECK(session->snapshot().resumingIn == 3);
    auto cues = session->advance(1.5);
    CHECK(session->elapsedS() == 5);
    CHECK(session->snapshot().resumingIn == 2);
    REQUIRE(cues.size() == 1);
    CHECK(cues[0].words == "2");
    cues = session->advance(2);
    CHECK(session->elapsedS() == doctest::Approx(5.5));
    CHECK(session->snapshot().resumingIn == 0);
    CHECK(hasKind(cues, Cue::Kind::Resuming));
}

TEST_CASE("everything that matters is said: get-ready, each step and its cue, 3-2-1, the switch, "
          "the end") {
    Bench bench;
    const std::string yaml = std::string(kTwoSteps).replace(
        std::string(kTwoSteps).find("lead_in_s: 0"), 12, "lead_in_s: 10");
    std::string withCues = yaml;
    withCues.replace(withCues.find("    duration_s: 20\n    place: [{x_cm: 8, y_cm: 10}]"), 0,
                     "    cue: Lean in and breathe.\n");
    auto session = bench.start(Side::Right, withCues);
    const std::vector<std::string> said = spokenWords(*session);
    INFO(doctest::toString(said.size()));
    CHECK(said.front().find("Get ready: Two steps. The right side first.") == 0);
    CHECK(saidOnce(said, "Right side. Hold. Lean in and breathe."));
    CHECK(saidOnce(said, "Left side. Hold. Lean in and breathe."));
    CHECK(saidOnce(said, "Right side. Sweep. Move the ball to the new place."));
    CHECK(saidOnce(said, "Lift the ball off your back, and switch to the left side."));
    CHECK(saidOnce(said, "How tense is your right side before you start? Press 0 to 9."));
    CHECK(saidOnce(said, "How tense is your right side now? Press 0 to 9."));
    // The end, then the last side's question, which the end screen asks.
    REQUIRE(said.size() > 2);
    // The end says how long it was, on which sides (no ratings were given).
    CHECK(said[said.size() - 2] == "Session done. 1 minute, both sides.");
    CHECK(said.back() == "How tense is your left side now? Press 0 to 9.");
    // 3, 2, 1 into the first step and before the switch.
    CHECK(std::count(said.begin(), said.end(), "3") == 2);
    CHECK(std::count(said.begin(), said.end(), "1") == 2);
    // Brief speech leaves out the cue texts and the questions, not the essentials.
    auto again = bench.start(Side::Right, withCues);
    const std::vector<std::string> brief = spokenWords(*again, true);
    CHECK(saidOnce(brief, "Right side. Hold."));
    CHECK(std::count(brief.begin(), brief.end(), "3") == 2);
    for (const std::string& words : brief) {
        CHECK(words.find("How tense") == std::string::npos);
        CHECK(words.find("Lean in") == std::string::npos);
    }
}

TEST_CASE("a warning is said as it appears, once per step, and outweighs a cue") {
    FixedClock clock(kMonday);
    Session session(routineFrom(oneStep("tennis", "[{x_cm: 8, y_cm: 10}]",
                                        "{pattern: horizontal, amplitude_cm: 5, period_s: 8}")),
                    {}, Side::Left, referenceBody(), clock, nullptr);
    int warnings = 0;
    Cue::Weight weight = Cue::Weight::Detail;
    while (!session.over()) {
        for (const Cue& cue : session.advance(0.5)) {
            if (cue.kind == Cue::Kind::Warning) {
                ++warnings;
                weight = cue.weight;
                CHECK(cue.words.find("On the spine") == 0);
                CHECK(cue.briefWords == cue.words);
            }
        }
    }
    CHECK(warnings == 2); // one step a side, the sweep comes back every period
    CHECK(weight > Cue::Weight::Step);
    Session painful(routineFrom(kTwoSteps), {}, Side::Left, referenceBody(), clock, nullptr);
    const auto stop = painful.stopForPain();
    REQUIRE(stop.size() == 1);
    CHECK(stop[0].weight == Cue::Weight::Stop);
    CHECK(stop[0].words.find("Stop. Rest now.") == 0);
}
