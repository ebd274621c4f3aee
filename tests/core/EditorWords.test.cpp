// The editor's values in the person's words and language, with the file keeping the format's
// keywords; and the report's dates as the person reads them. Against the real German and
// Spanish catalogs the build compiles (build/locale).
#include "TestSupport.hpp"

#include "core/Language.hpp"
#include "core/Progress.hpp"
#include "core/Report.hpp"
#include "core/RoutineDraft.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Schedule.hpp"
#include "core/TextFile.hpp"
#include "core/Translate.hpp"

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <libintl.h>
#include <set>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

// A wall drill finished on the test Monday, five minutes a side.
SessionRecord finishedWallSession() {
    SessionRecord r;
    r.routineTitle = r.routineKey = "Wall tennis-ball drill";
    r.startedAt = kTestMonday;
    r.endedAt = kTestMonday + 600;
    r.how = "finished";
    r.leftS = 300;
    r.rightS = 300;
    return r;
}

// Every keyword a choice of the routine format may write.
const std::set<std::string>& keywords() {
    static const std::set<std::string> words = {
        "wall",       "lying",     "partner",  "self-press",   "hold",
        "horizontal", "vertical",  "circle",   "path",         "stroke",
        "knead",      "strip",     "friction", "hands",        "thumb",
        "fingers",    "auto",      "left",     "right",        "both",
        "each",       "none",      "tennis",   "yoga-tune-up", "yoga-tune-up-plus",
        "custom",     "rhomboids", "mon",      "tue",          "wed",
        "thu",        "fri",       "sat",      "sun"};
    return words;
}

DraftRoutine shipped(const std::string& name, const BodyModel& body) {
    const DraftRead read = readDraft(readTextFile(shippedRoutine(name), 1 << 20).text, body);
    REQUIRE(read.draft);
    return *read.draft;
}

// Each choice's value shown, set back as shown, leaves the routine as it was: the words lead
// to the keyword.
void roundTrip(const DraftRoutine& routine, const BodyModel& body, bool noKeywords = true) {
    RoutineDraft draft(routine);
    const std::string before = draft.yaml();
    std::vector<FieldView> fields = routineFields(routine, &body);
    const std::vector<FieldView> steps = stepFields(routine, 0, &body);
    fields.insert(fields.end(), steps.begin(), steps.end());
    for (const FieldView& view : fields) {
        if (view.kind != FieldView::Kind::Choice && view.field != DraftField::Days) {
            continue;
        }
        CAPTURE(view.label);
        CAPTURE(view.value);
        if (noKeywords) {
            CHECK(keywords().count(view.value) == 0);
        }
        CHECK(draft.setField(view.field, 0, view.value, false, &body).empty());
        CHECK(draft.yaml() == before);
    }
}

} // namespace

TEST_CASE("the editor's values in German: words for the drill, motion, side and days, the keywords "
          "kept") {
    RealCatalog german("de");
    const BodyModel body = BodyModel::load(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml");
    const DraftRoutine routine = shipped("wall-tennis-ball.yaml", body);
    const std::vector<FieldView> fields = routineFields(routine, &body);
    auto value = [&fields](DraftField field) {
        for (const FieldView& view : fields) {
            if (view.field == field) {
                return view.value;
            }
        }
        return std::string("(none)");
    };
    CHECK(value(DraftField::Drill) == "Wand-Übung");
    CHECK(value(DraftField::Ball) == "Tennisball");
    CHECK(value(DraftField::FirstSide) == "abwechselnd");
    CHECK(value(DraftField::Days) == "Mo Mi Fr");
    CHECK(value(DraftField::Target) != "rhomboids");
    CHECK(stepFields(routine, 0, &body)[2].value == "halten");
    CHECK(stepFields(routine, 1, &body)[2].value == "waagrecht");
    roundTrip(routine, body);
    roundTrip(shipped("partner-upper-back-massage.yaml", body), body);

    // Typed or given in German, or as the file's keyword: the file gets the keyword.
    RoutineDraft draft(routine);
    CHECK(draft.setField(DraftField::Drill, 0, "liege-übung").empty());
    CHECK(draft.routine().drill == Drill::Lying);
    CHECK(draft.yaml().find("drill: lying\n") != std::string::npos);
    CHECK(draft.setField(DraftField::Drill, 0, "wall").empty());
    CHECK(draft.routine().drill == Drill::Wall);
    draft.setField(DraftField::Pattern, 0, "Kreise");
    CHECK(draft.routine().steps[0].motion.pattern == Pattern::Circle);
    CHECK(draft.yaml().find("pattern: circle") != std::string::npos);
    draft.setField(DraftField::FirstSide, 0, "links");
    CHECK(draft.yaml().find("first_side: left") != std::string::npos);
    draft.setField(DraftField::Sides, 0, "beide zugleich");
    CHECK(draft.routine().steps[0].bothSides);
    draft.setField(DraftField::Target, 0, "keiner");
    CHECK(draft.routine().target.empty());
    CHECK(draft.setField(DraftField::Days, 0, "Di, donnerstag sa").empty());
    CHECK(draft.yaml().find("days: [tue, thu, sat]") != std::string::npos);
    CHECK(draft.setField(DraftField::Days, 0, "mon fri").empty());
    CHECK(draft.yaml().find("days: [mon, fri]") != std::string::npos);
    // A word that is no day is named, with the days as the language writes them.
    CHECK(draft.setField(DraftField::Days, 0, "Mo Xy") ==
          "„xy“ ist kein Tag: Mo Di Mi Do Fr Sa So");
    CHECK(draft.yaml().find("days: [mon, fri]") != std::string::npos);
    CHECK(choiceKeyword(DraftField::Ball, "Yoga-Tune-Up-Ball", &body).value_or("?") ==
          choiceKeyword(DraftField::Ball, "yoga-tune-up", &body).value_or("!"));
    CHECK_FALSE(choiceKeyword(DraftField::Pattern, "Walzer"));

    CHECK(shortDate(Date{2026, 11, 23}) == "23. Nov");
    CHECK(shortDate(Date{2026, 3, 5}, true) == "5. Mär 2026");
}

TEST_CASE("the editor's values in Spanish, each leading back to the format's keyword") {
    RealCatalog spanish("es");
    const BodyModel body = BodyModel::load(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml");
    const DraftRoutine routine = shipped("wall-tennis-ball.yaml", body);
    CHECK(drillWords(Drill::Wall) == "ejercicio en la pared");
    CHECK(patternWords(Pattern::Circle) == "círculos");
    CHECK(patternWords(Pattern::Knead) == "amasamiento");
    CHECK(toolWords(Tool::Thumb) == "pulgar");
    CHECK(firstSideWords(FirstSide::Right) == "derecho");
    for (const Pattern pattern :
         {Pattern::Hold, Pattern::Horizontal, Pattern::Vertical, Pattern::Circle, Pattern::Path,
          Pattern::Stroke, Pattern::Knead, Pattern::Strip, Pattern::Friction}) {
        CAPTURE(patternName(pattern));
        CHECK(choiceKeyword(DraftField::Pattern, patternWords(pattern)) ==
              std::string(patternName(pattern)));
    }
    roundTrip(routine, body);
    roundTrip(shipped("partner-upper-back-massage.yaml", body), body);
    RoutineDraft draft(routine);
    CHECK(draft.setField(DraftField::Days, 0, "lun MIÉ sábado").empty());
    CHECK(draft.yaml().find("days: [mon, wed, sat]") != std::string::npos);
    draft.setField(DraftField::Drill, 0, "masaje en pareja");
    CHECK(draft.routine().drill == Drill::Partner);
    CHECK(shortDate(Date{2026, 11, 23}) == "23 nov");
}

TEST_CASE("the editor's values in English are a person's words too") {
    const BodyModel& body = referenceBody();
    DraftRoutine routine = shipped("wall-tennis-ball.yaml", body);
    routine.ball = BallChoice{"yoga-tune-up", 0};
    const std::vector<FieldView> fields = routineFields(routine, &body);
    const auto ball = std::find_if(fields.begin(), fields.end(),
                                   [](const FieldView& v) { return v.field == DraftField::Ball; });
    REQUIRE(ball != fields.end());
    CHECK(ball->value == "Yoga Tune Up ball");
    CHECK(fields[1].value == "wall drill");
    // English words may be the keyword itself ("rhomboids"): a person says it so.
    roundTrip(routine, body, false);
    CHECK(shortDate(Date{2026, 11, 23}) == "23 Nov");
}

TEST_CASE("the report's weekly rows give the dates in words, the CSV ISO dates") {
    RealCatalog german("de");
    SessionRecord r = finishedWallSession();
    const RoutineLoad wall =
        loadRoutineFile(shippedRoutine("wall-tennis-ball.yaml"), referenceBody());
    REQUIRE(wall.routine);
    const ReportData data = gatherReport({r}, {{"wall-tennis-ball.yaml", *wall.routine}}, 2,
                                         kTestMonday + 3600, Settings{});
    const ReportDocument doc = reportDocument(data);
    std::string text;
    for (const ReportSection& section : doc.closing) {
        for (const std::string& line : section.lines) {
            text += line + "\n";
        }
    }
    for (const ReportRoutine& part : doc.routines) {
        for (const ReportLine& line : part.sessions) {
            text += line.text + "\n";
        }
        for (const ReportChart& chart : part.charts) {
            for (const auto& label : chart.dateLabels) {
                text += label.second + "\n";
            }
        }
    }
    CAPTURE(text);
    CHECK(text.find("23. Nov") != std::string::npos);
    CHECK(text.find("2026-11-") == std::string::npos);
    // How the session ended, in the person's words too; the CSV keeps the history's word.
    CHECK(text.find("finished") == std::string::npos);
    CHECK(reportCsv(data).find(",finished,") != std::string::npos);
    CHECK(reportCsv(data).find("2026-11-23,") != std::string::npos);
}

namespace {

std::string shownValue(const RoutineDraft& draft, DraftField field) {
    std::vector<FieldView> fields = routineFields(draft.routine());
    const std::vector<FieldView> steps = stepFields(draft.routine(), 0);
    fields.insert(fields.end(), steps.begin(), steps.end());
    for (const FieldView& view : fields) {
        if (view.field == field) {
            return view.value;
        }
    }
    return "(no such field)";
}

std::string shownLimit(const RoutineDraft& draft, DraftField field) {
    for (const FieldView& view : stepFields(draft.routine(), 0)) {
        if (view.field == field) {
            return view.limit;
        }
    }
    return "(no such field)";
}

// A circle's period and a ball of its own size typed with a comma and with a point: both read
// as the same number, shown with the language's separator, written with a point.
void typedDecimals(const char* comma) {
    RoutineDraft draft(templateDraft("wall", "Decimals", referenceBody()));
    REQUIRE(draft.setField(DraftField::Pattern, 0, "circle").empty());
    CHECK(draft.setField(DraftField::Period, 0, "0,5").empty());
    CHECK(shownValue(draft, DraftField::Period) == std::string("0") + comma + "5");
    CHECK(draft.yaml().find("period_s: 0.5\n") != std::string::npos);
    CHECK(draft.setField(DraftField::Period, 0, "2.5").empty());
    CHECK(shownValue(draft, DraftField::Period) == std::string("2") + comma + "5");
    CHECK(draft.yaml().find("period_s: 2.5\n") != std::string::npos);
    CHECK(shownLimit(draft, DraftField::Period) == std::string("0") + comma + "5-120 s");
    CHECK(draft.setField(DraftField::Amplitude, 0, " 1,25 ").empty());
    CHECK(shownValue(draft, DraftField::Amplitude) == std::string("1") + comma + "25");
    CHECK(draft.yaml().find("amplitude_cm: 1.25\n") != std::string::npos);
    REQUIRE(draft.setField(DraftField::Ball, 0, "custom").empty());
    CHECK(draft.setField(DraftField::BallSize, 0, "6,5").empty());
    CHECK(shownValue(draft, DraftField::BallSize) == std::string("6") + comma + "5");
    CHECK(draft.yaml().find("diameter_cm: 6.5}") != std::string::npos);
    // The limits hold whichever separator is typed.
    CHECK_FALSE(draft.setField(DraftField::Period, 0, "0,4").empty());
    CHECK_FALSE(draft.setField(DraftField::BallSize, 0, "15,5").empty());
    CHECK_FALSE(draft.setField(DraftField::Rounds, 0, "2,5").empty());
    // Two separators are no number, whatever they could mean, and nothing changes.
    const std::string before = draft.yaml();
    for (const char* typed : {"1,2,3", "0,5.5", "1.2.3", "1,,2"}) {
        CAPTURE(typed);
        const std::string problem = draft.setField(DraftField::Period, 0, typed);
        CHECK(problem.find(typed) != std::string::npos);
        CHECK(problem.find(std::string("0") + comma + "5-120 s") != std::string::npos);
        CHECK(draft.yaml() == before);
    }
    // A file written so reads back as the same routine.
    const RoutineLoad load = parseRoutine(draft.yaml(), referenceBody());
    REQUIRE(load.routine);
    CHECK(load.routine->steps[0].motion.periodS == doctest::Approx(2.5));
}

} // namespace

TEST_CASE("the editor shows decimals with a comma in German, takes a comma or a point, writes a "
          "point") {
    RealCatalog german("de");
    typedDecimals(",");
    // The message for two separators is German.
    RoutineDraft draft(templateDraft("wall", "Decimals", referenceBody()));
    REQUIRE(draft.setField(DraftField::Pattern, 0, "circle").empty());
    const std::string problem = draft.setField(DraftField::Period, 0, "1,2,3");
    CAPTURE(problem);
    CHECK(problem.find("decimal separator") == std::string::npos);
    CHECK(problem.find("Dezimaltrennzeichen") != std::string::npos);
}

TEST_CASE("the editor shows decimals with a comma in Spanish, takes a comma or a point, writes a "
          "point") {
    RealCatalog spanish("es");
    typedDecimals(",");
}

TEST_CASE("the editor shows decimals with a point in English and takes a comma too") {
    typedDecimals(".");
    RoutineDraft draft(templateDraft("wall", "Decimals", referenceBody()));
    REQUIRE(draft.setField(DraftField::Pattern, 0, "circle").empty());
    CHECK(draft.setField(DraftField::Period, 0, "1,2,3") ==
          "\"1,2,3\" has more than one decimal separator: a number, 0.5-120 s");
}

TEST_CASE("the report's German rating summaries write 6.5 with a comma, its CSV with a point") {
    RealCatalog german("de");
    SessionRecord r = finishedWallSession();
    // Two rounds: 6 and 7 before, 4 and 3 after, on average 6.5 and 3.5.
    r.checkIns = {{Side::Left, false, 6, 1},
                  {Side::Left, true, 4, 1},
                  {Side::Left, false, 7, 2},
                  {Side::Left, true, 3, 2}};
    const RoutineLoad wall =
        loadRoutineFile(shippedRoutine("wall-tennis-ball.yaml"), referenceBody());
    REQUIRE(wall.routine);
    const ReportData data = gatherReport({r}, {{"wall-tennis-ball.yaml", *wall.routine}}, 2,
                                         kTestMonday + 3600, Settings{});
    const ReportDocument doc = reportDocument(data);
    std::string text;
    for (const ReportRoutine& part : doc.routines) {
        for (const ReportLine& line : part.sessions) {
            text += line.text + "\n";
        }
        for (const ReportChart& chart : part.charts) {
            text += chart.summary + "\n";
        }
    }
    CAPTURE(text);
    CHECK(text.find("6,5") != std::string::npos);
    CHECK(text.find("3,5") != std::string::npos);
    CHECK(text.find("-3") != std::string::npos);
    CHECK(text.find("6.5") == std::string::npos);
    CHECK(text.find("3.5") == std::string::npos);
    const std::string csv = reportCsv(data);
    CAPTURE(csv);
    CHECK(csv.find(",6.5,3.5,,,") != std::string::npos);
    CHECK(csv.find("6,5") == std::string::npos);
    // The progress table's words too; a whole rating keeps no decimals.
    CHECK(ratingText(6.5) == "6,5");
    CHECK(ratingText(6.0) == "6");
    CHECK(ratingText(-0.01) == "0");
    CHECK(changeText(-3.5) == "-3,5");
    CHECK(changeText(0.5) == "+0,5");
}
