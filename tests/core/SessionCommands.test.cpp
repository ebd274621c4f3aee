#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/Session.hpp"

#include <algorithm>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

constexpr std::int64_t kMonday = kTestMonday;
const std::string kTwoSteps = twoStepRoutine();

using Kind = SessionCommand::Kind;

struct Bench {
    TempPath dir{"session-commands"};
    FixedClock clock{kMonday};
    std::unique_ptr<History> history;
    Bench() {
        std::string notice;
        history = History::open(dir.path.string(), kMonday, notice);
    }
    std::unique_ptr<Session> start(SessionOptions options = {}) {
        return std::make_unique<Session>(routineFrom(kTwoSteps), RoutineSource{"two.yaml", "cafe"},
                                         Side::Left, referenceBody(), clock, history.get(),
                                         std::string(), options);
    }
    SessionRecord last() const { return history->sessions(1).at(0); }
};

bool has(const std::vector<Cue>& cues, Cue::Kind kind) {
    return std::any_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.kind == kind; });
}

std::vector<Cue> send(Session& session, Kind kind) {
    return session.apply(SessionCommand::of(kind));
}

} // namespace

TEST_CASE("a whole session driven by commands alone: pause, resume, steps, ratings, leave") {
    Bench bench;
    auto session = bench.start();
    session->advance(0);
    // The question before the left side, in words, answered by a rating command.
    SessionSnapshot snap = session->snapshot();
    REQUIRE(snap.tensionPrompt);
    CHECK(snap.prompt == "How tense is your left side before you start? Press 0-9 (T for 10)");
    CHECK(snap.title == "Hold");
    CHECK(snap.routineTitle == "Two steps");
    CHECK(snap.sideTitle == "Left side");
    session->apply(SessionCommand::rated(6));
    CHECK(session->snapshot().prompt.empty());
    // A rating out of range, or with no question showing, counts for nothing.
    session->apply(SessionCommand::rated(11));

    CHECK(has(send(*session, Kind::Pause), Cue::Kind::Paused));
    CHECK(send(*session, Kind::Pause).empty()); // already paused: asks for what is
    CHECK(session->paused());
    session->advance(5);
    CHECK(session->elapsedS() == 0);
    CHECK(has(send(*session, Kind::Resume), Cue::Kind::Resuming));
    CHECK(send(*session, Kind::Resume).empty());
    send(*session, Kind::TogglePause);
    CHECK(session->paused());
    send(*session, Kind::TogglePause);
    CHECK_FALSE(session->paused());
    session->advance(3); // the count after the pause
    session->advance(4);
    CHECK(session->elapsedS() == doctest::Approx(4));

    send(*session, Kind::Next);
    CHECK(session->snapshot().title == "Sweep");
    send(*session, Kind::Back);
    CHECK(session->snapshot().title == "Hold");
    send(*session, Kind::Next);
    send(*session, Kind::Next);
    snap = session->snapshot();
    CHECK(snap.title == "Switch to the right side");
    CHECK(snap.sideTitle == "Right side");
    REQUIRE(snap.tensionPrompt);
    CHECK(snap.prompt == "How tense is your left side now? Press 0-9 (T for 10)");
    session->apply(SessionCommand::rated(3));

    // Mute is the session's to hold, so a screen shows it and the sounds follow it.
    CHECK_FALSE(session->snapshot().muted);
    send(*session, Kind::Mute);
    CHECK(session->snapshot().muted);

    // Leave asks; anything but Leave or Confirm stays and does nothing more.
    send(*session, Kind::Leave);
    CHECK(session->snapshot().prompt ==
          "Leave this session? Press Esc again to leave, any other key to stay");
    send(*session, Kind::Next);
    CHECK_FALSE(session->askingToLeave());
    CHECK(session->snapshot().title == "Switch to the right side");
    send(*session, Kind::Leave);
    send(*session, Kind::Stay);
    CHECK_FALSE(session->askingToLeave());
    send(*session, Kind::Leave);
    CHECK(has(send(*session, Kind::Confirm), Cue::Kind::Left));
    CHECK(session->state() == SessionState::Left);
    CHECK(send(*session, Kind::Next).empty());

    const SessionRecord record = bench.last();
    CHECK(record.how == "stopped");
    REQUIRE(record.checkIns.size() == 2);
    CHECK(record.checkIns[0].rating == 6);
    CHECK(record.checkIns[1].rating == 3);
}

TEST_CASE("a big-button session: one command pauses and goes on, and the pain stop still stops") {
    // A single switch or pedal gives TogglePause alone; spoken words stay what they say.
    Bench bench;
    auto session = bench.start();
    session->advance(0);
    send(*session, Kind::TogglePause);
    CHECK(session->paused());
    send(*session, Kind::TogglePause);
    session->advance(3);
    session->advance(10);
    send(*session, Kind::Next); // "next", spoken, steps even in big-button mode
    CHECK(session->snapshot().title == "Sweep");
    CHECK_FALSE(session->paused());
    session->advance(60);
    CHECK(session->snapshot().title == "Sweep");
    CHECK(session->snapshot().sideTitle == "Right side");
    // The leave question, asked by a media key, is answered "stay" by the big button.
    send(*session, Kind::Leave);
    send(*session, Kind::TogglePause);
    CHECK_FALSE(session->askingToLeave());
    CHECK_FALSE(session->paused());
    CHECK(has(send(*session, Kind::StopForPain), Cue::Kind::StoppedForPain));
    CHECK(session->state() == SessionState::StoppedForPain);
    CHECK(bench.last().how == "stopped");
}

TEST_CASE("the pain stop and a media player's Stop never wait on the leave question") {
    Bench bench;
    auto session = bench.start();
    session->advance(1);
    send(*session, Kind::Leave);
    send(*session, Kind::StopForPain);
    CHECK(session->state() == SessionState::StoppedForPain);

    Bench other;
    auto second = other.start();
    second->advance(1);
    send(*second, Kind::Leave);
    send(*second, Kind::LeaveNow);
    CHECK(second->state() == SessionState::Left);
}

TEST_CASE("start-at and paused are given when the session is built") {
    Bench bench;
    SessionOptions options;
    options.startAtS = 30; // 10 s into the sweep
    options.paused = true;
    options.muted = true;
    auto session = bench.start(options);
    CHECK(session->paused());
    CHECK(session->muted());
    CHECK(session->elapsedS() == doctest::Approx(30));
    CHECK(session->snapshot().title == "Sweep");
    CHECK(session->doneOnSide(Side::Left) == 0); // starting part-way credits nothing
    session->advance(5);
    CHECK(session->elapsedS() == doctest::Approx(30));
}

TEST_CASE("the end screen's question is the session's, worded for the end screen") {
    Bench bench;
    auto session = bench.start();
    session->advance(0);
    send(*session, Kind::Next);
    send(*session, Kind::Next);
    send(*session, Kind::Next);
    session->advance(2);
    send(*session, Kind::Leave);
    send(*session, Kind::Confirm);
    const SessionSummary summary = session->summary();
    REQUIRE(summary.tensionPrompt);
    CHECK(summary.prompt == endQuestion(*summary.tensionPrompt));
    CHECK(summary.prompt != tensionQuestion(*summary.tensionPrompt));
    session->apply(SessionCommand::rated(10));
    CHECK_FALSE(session->summary().tensionPrompt);
    CHECK(tensionQuestion(CheckIn{Side::Right, true, 0, 1}, true) ==
          "How tense is your right side now? Press 0 to 9.");
}
