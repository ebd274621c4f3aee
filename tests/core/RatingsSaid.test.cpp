#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/Session.hpp"
#include "core/SpeechQueue.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

struct Bench {
    TempPath dir{"said"};
    FixedClock clock{kTestMonday};
    std::unique_ptr<History> history;
    Bench() {
        std::string notice;
        history = History::open(dir.path.string(), kTestMonday, notice);
    }
    std::unique_ptr<Session> start(const Routine& routine, Side first) {
        return std::make_unique<Session>(routine, RoutineSource{"r.yaml", "cafe"}, first,
                                         referenceBody(), clock, history.get());
    }
};

Routine shipped(const std::string& name) {
    RoutineLoad load = openRoutine(shippedRoutine(name), referenceBody());
    REQUIRE(load.routine.has_value());
    return *load.routine;
}

const Cue* find(const std::vector<Cue>& cues, Cue::Kind kind) {
    auto it = std::find_if(cues.begin(), cues.end(), [&](const Cue& c) { return c.kind == kind; });
    return it == cues.end() ? nullptr : &*it;
}

std::size_t wordCount(const std::string& text) {
    std::istringstream in(text);
    std::string word;
    std::size_t n = 0;
    while (in >> word) {
        ++n;
    }
    return n;
}

// A speaker that takes as long as espeak-ng at 150 words a minute: 0.4 s a word. It records
// each line it starts, what the session showed then, and whether a line was cut off.
struct FakeSpeaker {
    struct Said {
        std::string words;
        Cue::Weight weight;
        double at = 0;
        double until = 0;
        bool cutOff = false;
        int repetitionShown = 0;
        std::optional<Cue> cue;
    };
    static constexpr double kSecondsPerWord = 0.4;
    SpeechQueue queue;
    std::vector<Said> said;
    double now = 0;

    bool speaking() const { return !said.empty() && now < said.back().until; }
    void hear(const std::vector<Cue>& cues) {
        for (const Cue& cue : cues) {
            queue.add({cue.words, cue.weight, cue});
        }
    }
    void tick(const Session& session) {
        const auto start =
            queue.next(speaking(), [&](const Cue& cue) { return session.stillDue(cue); });
        if (!start) {
            return;
        }
        if (start->cut && speaking()) {
            said.back().cutOff = true;
            said.back().until = now;
        }
        Said line{start->line.words,
                  start->line.weight,
                  now,
                  now + kSecondsPerWord * static_cast<double>(wordCount(start->line.words)),
                  false,
                  session.snapshot().repetition,
                  start->line.cue};
        said.push_back(line);
    }
    // Runs the session for `seconds` in steps of a tenth of a second.
    void run(Session& session, double seconds) {
        for (int i = 0; i < static_cast<int>(std::lround(seconds * 10)); ++i) {
            now += 0.1;
            hear(session.advance(0.1));
            tick(session);
        }
    }
};

} // namespace

TEST_CASE("a rating given 14 s into a side by the Rate command is shown, said and kept") {
    Bench bench;
    {
        auto session = bench.start(routineFrom(twoStepRoutine(10)), Side::Left);
        session->advance(24); // 14 s into the left side's first step
        std::vector<Cue> cues = session->apply(SessionCommand::rated(5));
        const Cue* answered = find(cues, Cue::Kind::Answered);
        REQUIRE(answered != nullptr);
        CHECK(answered->words == "Left, before: 5");
        CHECK(answered->briefWords == "Left, before: 5"); // said in brief speech too
        CHECK(answered->weight == Cue::Weight::Question);
        const SessionSnapshot shown = session->snapshot();
        CHECK(shown.answer == "Left, before: 5");
        CHECK_FALSE(shown.tensionPrompt); // answered: nothing more is asked
        session->advance(60 + 40);
        REQUIRE(session->over());
    }
    const SessionRecord r = bench.history->sessions(1).at(0);
    REQUIRE(r.checkIns.size() == 1);
    CHECK(r.checkIns[0].side == Side::Left);
    CHECK_FALSE(r.checkIns[0].after);
    CHECK(r.checkIns[0].rating == 5);
}

TEST_CASE("an answer changed while its question is open is said again and kept once") {
    Bench bench;
    {
        auto session = bench.start(routineFrom(twoStepRoutine(10)), Side::Left);
        session->advance(24);
        session->apply(SessionCommand::rated(5));
        std::vector<Cue> cues = session->apply(SessionCommand::rated(4));
        const Cue* changed = find(cues, Cue::Kind::Answered);
        REQUIRE(changed != nullptr);
        CHECK(changed->words == "Left, before: now 4");
        CHECK(session->snapshot().answer == "Left, before: 4");
        cues = session->apply(SessionCommand::rated(6));
        REQUIRE(find(cues, Cue::Kind::Answered) != nullptr);
        CHECK(find(cues, Cue::Kind::Answered)->words == "Left, before: now 6");
        // The first step ends: the question closes and a number means nothing now, and says so.
        session->advance(10);
        CHECK(session->snapshot().answer.empty());
        cues = session->apply(SessionCommand::rated(2));
        const Cue* none = find(cues, Cue::Kind::NoQuestion);
        REQUIRE(none != nullptr);
        CHECK(none->words == "No question open now.");
        CHECK(none->briefWords == "No question open now.");
        // Shown too, for a few seconds.
        CHECK(session->snapshot().notice == "No question open now");
        session->advance(Session::kNoticeS);
        CHECK(session->snapshot().notice.empty());
        CHECK_FALSE(session->rate(2));
        session->advance(200);
        REQUIRE(session->over());
        // On the end screen the last side's "after" is asked, answered and changed.
        REQUIRE(session->summary().tensionPrompt);
        CHECK(session->summary().prompt ==
              "Before you go: how tense is your right side now? Press 0-9 (T for 10)");
        session->apply(SessionCommand::rated(3));
        CHECK_FALSE(session->summary().tensionPrompt);
        CHECK(session->summary().answer == "Right, after: 3");
        cues = session->apply(SessionCommand::rated(2));
        REQUIRE(find(cues, Cue::Kind::Answered) != nullptr);
        CHECK(find(cues, Cue::Kind::Answered)->words == "Right, after: now 2");
        CHECK(session->summary().answer == "Right, after: 2");
    }
    const SessionRecord r = bench.history->sessions(1).at(0);
    REQUIRE(r.checkIns.size() == 2);
    CHECK(r.checkIns[0].side == Side::Left);
    CHECK(r.checkIns[0].rating == 6);
    CHECK(r.checkIns[1].side == Side::Right);
    CHECK(r.checkIns[1].after);
    CHECK(r.checkIns[1].rating == 2);
}

TEST_CASE("a spoken number is the rate command: it answers the question open") {
    // "five" as the recogniser hands it on is the same command as the key 5.
    Bench bench;
    auto session = bench.start(routineFrom(twoStepRoutine(10)), Side::Left);
    session->advance(3);
    const std::vector<Cue> cues = session->apply(SessionCommand::rated(10));
    REQUIRE(find(cues, Cue::Kind::Answered) != nullptr);
    CHECK(find(cues, Cue::Kind::Answered)->words == "Left, before: 10");
    CHECK_FALSE(session->apply(SessionCommand::rated(11)).empty()); // never in silence
    CHECK(find(session->apply(SessionCommand::rated(11)), Cue::Kind::NoQuestion) != nullptr);
}

TEST_CASE("at a switch the worked side's answer shows while the other side is asked") {
    Bench bench;
    auto session = bench.start(routineFrom(twoStepRoutine(0)), Side::Left);
    session->advance(1);
    session->apply(SessionCommand::rated(6));
    session->advance(41); // in the switch
    REQUIRE(session->snapshot().tensionPrompt);
    CHECK(session->snapshot().tensionPrompt->after);
    const std::vector<Cue> cues = session->apply(SessionCommand::rated(3));
    REQUIRE(find(cues, Cue::Kind::Answered) != nullptr);
    CHECK(find(cues, Cue::Kind::Answered)->words == "Left, after: 3");
    // The next question comes up with the answer, and is said.
    const Cue* asked = find(cues, Cue::Kind::TensionAsked);
    REQUIRE(asked != nullptr);
    CHECK(asked->words == "How tense is your right side before you start? Press 0 to 9.");
    CHECK(asked->weight == Cue::Weight::Question);
    CHECK(session->stillDue(*asked));
    const SessionSnapshot shown = session->snapshot();
    CHECK(shown.answer == "Left, after: 3");
    REQUIRE(shown.tensionPrompt);
    CHECK(shown.tensionPrompt->side == Side::Right);
    session->apply(SessionCommand::rated(7));
    CHECK_FALSE(session->stillDue(*asked)); // answered: no longer worth asking
}

TEST_CASE("the end says how long, on which sides, and how the ratings went") {
    Bench bench;
    auto session = bench.start(routineFrom(twoStepRoutine(0)), Side::Left);
    session->advance(1);
    session->apply(SessionCommand::rated(6));
    session->advance(41);
    session->apply(SessionCommand::rated(3));
    session->apply(SessionCommand::rated(5));
    std::vector<Cue> cues = session->advance(100);
    REQUIRE(session->over());
    const Cue* done = find(cues, Cue::Kind::Finished);
    REQUIRE(done != nullptr);
    CHECK(done->words == "Session done. 1 minute, both sides. Left went from 6 to 3. Right was 5 "
                         "before.");
}

TEST_CASE("spoken texts agree with the balls and the hands, and read naturally") {
    Bench bench;
    auto lying = bench.start(shipped("lying-yoga-tune-up.yaml"), Side::Left);
    std::vector<Cue> cues = lying->advance(0.1);
    const Cue* ready = find(cues, Cue::Kind::GetReady);
    REQUIRE(ready != nullptr);
    CHECK(ready->words.find("Place the balls as shown. The first step: ") != std::string::npos);
    CHECK(ready->words.find("as shown, for") == std::string::npos);
    cues = lying->next();
    for (int i = 0; i < 40 && !find(cues, Cue::Kind::SwitchStarts); ++i) {
        cues = lying->next();
    }
    REQUIRE(find(cues, Cue::Kind::SwitchStarts) != nullptr);
    CHECK(find(cues, Cue::Kind::SwitchStarts)->words.find("Lift the balls off your back") == 0);

    auto wall = bench.start(shipped("wall-tennis-ball.yaml"), Side::Left);
    cues = wall->advance(0.1);
    REQUIRE(find(cues, Cue::Kind::GetReady) != nullptr);
    CHECK(find(cues, Cue::Kind::GetReady)->words.find("Place the ball as shown.") !=
          std::string::npos);

    auto hands = bench.start(shipped("partner-upper-back-massage.yaml"), Side::Left);
    cues = hands->advance(0.1);
    REQUIRE(find(cues, Cue::Kind::GetReady) != nullptr);
    CHECK(find(cues, Cue::Kind::GetReady)
              ->words.find("Place your hands as shown. The first "
                           "step: ") != std::string::npos);
}

TEST_CASE("speech on time: each stroke's count is said while that stroke shows") {
    Bench bench;
    auto session = bench.start(shipped("partner-upper-back-massage.yaml"), Side::Left);
    FakeSpeaker speaker;
    // Each question answered once it has been said, as a person would.
    for (int i = 0; i < 15000 && !session->over(); ++i) {
        speaker.now += 0.1;
        speaker.hear(session->advance(0.1));
        const bool heard = !speaker.said.empty() && speaker.said.back().cue &&
                           speaker.said.back().cue->kind == Cue::Kind::TensionAsked &&
                           !speaker.speaking();
        if (session->snapshot().tensionPrompt && heard) {
            speaker.hear(session->apply(SessionCommand::rated(5)));
        }
        speaker.tick(*session);
    }
    CHECK(session->over());
    int strokes = 0;
    bool firstStrokeSaid = false;
    for (const FakeSpeaker::Said& line : speaker.said) {
        const std::string::size_type at = line.words.find("Stroke ");
        if (at == std::string::npos) {
            continue;
        }
        ++strokes;
        const int number = std::stoi(line.words.substr(at + 7));
        INFO(line.words << " at " << line.at << " s, while the screen shows stroke "
                        << line.repetitionShown);
        CHECK(line.repetitionShown == number);
        firstStrokeSaid = firstStrokeSaid || line.words.find("Stroke 1 of 12") != std::string::npos;
    }
    CHECK(firstStrokeSaid);
    CHECK(strokes >= 6);
    // A question is said in full: only a warning or the stop may cut one off.
    for (std::size_t i = 0; i + 1 < speaker.said.size(); ++i) {
        const FakeSpeaker::Said& line = speaker.said[i];
        if (line.weight == Cue::Weight::Question && line.cutOff) {
            INFO(line.words << " cut off by " << speaker.said[i + 1].words);
            CHECK(speaker.said[i + 1].weight >= Cue::Weight::Warning);
        }
    }
    // Every question was said.
    const auto asked = std::count_if(speaker.said.begin(), speaker.said.end(), [](const auto& l) {
        return l.cue && l.cue->kind == Cue::Kind::TensionAsked;
    });
    CHECK(asked >= 2);
}

TEST_CASE("a question is never cut by a step's line, which waits or is dropped when stale") {
    SpeechQueue queue;
    Cue question;
    question.kind = Cue::Kind::TensionAsked;
    question.weight = Cue::Weight::Question;
    Cue step;
    step.kind = Cue::Kind::StepStarts;
    step.weight = Cue::Weight::Step;
    bool stepDue = true;
    auto due = [&](const Cue& c) { return c.kind != Cue::Kind::StepStarts || stepDue; };
    queue.add({"How tense?", question.weight, question});
    auto start = queue.next(false, due);
    REQUIRE(start);
    CHECK(start->line.words == "How tense?");
    queue.add({"Left side. Hold.", step.weight, step});
    CHECK_FALSE(queue.next(true, due)); // waits behind the question
    auto after = queue.next(false, due);
    REQUIRE(after);
    CHECK(after->line.words == "Left side. Hold.");
    CHECK_FALSE(after->cut);
    // A warning cuts a question; a stale step line is dropped, not said late.
    queue.add({"Too close to the spine", Cue::Weight::Warning, std::nullopt});
    start = queue.next(true, due);
    REQUIRE(start);
    CHECK(start->cut);
    queue.add({"Right side. Hold.", step.weight, step});
    stepDue = false;
    CHECK_FALSE(queue.next(false, due));
    CHECK(queue.waiting() == 0);
}

TEST_CASE("a cue cut off by a pause is said again when the count after it is over") {
    Bench bench;
    auto session = bench.start(shipped("wall-tennis-ball.yaml"), Side::Left);
    FakeSpeaker speaker;
    speaker.run(*session, 13); // into the first step: its long cue is being said
    REQUIRE(speaker.speaking());
    const std::string cut = speaker.said.back().words;
    REQUIRE(speaker.said.back().cue);
    REQUIRE(speaker.said.back().cue->kind == Cue::Kind::StepStarts);
    speaker.hear(session->pause());
    speaker.tick(*session);
    CHECK(speaker.said[speaker.said.size() - 2].cutOff);
    CHECK(speaker.said.back().words == "Paused.");
    speaker.run(*session, 5); // paused: nothing more
    speaker.hear(session->resume());
    speaker.tick(*session);
    CHECK(speaker.said.back().words == "Going on in 3");
    speaker.run(*session, 6);
    std::vector<std::string> words;
    for (const auto& line : speaker.said) {
        words.push_back(line.words);
    }
    const auto one = std::find(words.begin(), words.end(), "1");
    REQUIRE(one != words.end());
    REQUIRE(one + 1 != words.end());
    CHECK(*(one + 1) == cut);
}
