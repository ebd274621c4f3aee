#include "TestSupport.hpp"

#include "core/Diagnostic.hpp"
#include "core/History.hpp"
#include "core/Language.hpp"
#include "core/Progress.hpp"
#include "core/Report.hpp"
#include "core/RoutineLoader.hpp"
#include "core/Schedule.hpp"
#include "core/Session.hpp"
#include "core/StopAdvice.hpp"
#include "core/Translate.hpp"

#include <clocale>
#include <cstdlib>
#include <libintl.h>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const char* const kRoutine = R"(format: 1
title: Wall drill
title_de: Wandübung
title_es: Ejercicio en la pared
drill: wall
ball: tennis
setup: [Stand with your back to a wall.]
setup_de: [Mit dem Rücken an die Wand stellen.]
steps:
  - name: Hold
    name_es: Mantener
    duration_s: 30
    cue: Lean in.
    cue_de: Anlehnen.
    place:
      - {x_cm: 7.5, y_cm: 9}
)";

// The test catalog (tests/data/locale/de.po, compiled by the build) in German for as long as
// it lives; then the texts as written again, for the tests after it.
class GermanCatalog {
public:
    GermanCatalog() {
        setenv("LANGUAGE", "de", 1);
        std::setlocale(LC_MESSAGES, "C.UTF-8");
        bindtextdomain(kTextDomain, ROLLCOACH_TEST_LOCALE_DIR);
        bind_textdomain_codeset(kTextDomain, "UTF-8");
        setPreferredLanguages({"de"});
    }
    ~GermanCatalog() {
        unsetenv("LANGUAGE");
        std::setlocale(LC_MESSAGES, "C");
        bindtextdomain(kTextDomain, "/nonexistent");
        setPreferredLanguages({});
    }
};

} // namespace

TEST_CASE("language: names, the locale's languages and --language") {
    CHECK(isLanguageName("de"));
    CHECK(isLanguageName("pt_BR"));
    CHECK(isLanguageName("sr@latin"));
    CHECK_FALSE(isLanguageName(""));
    CHECK_FALSE(isLanguageName("C"));
    CHECK_FALSE(isLanguageName("de_de"));
    CHECK_FALSE(isLanguageName("d3"));
    CHECK(languagesOfLocale("de_DE.UTF-8") == std::vector<std::string>{"de_DE", "de"});
    CHECK(languagesOfLocale("es:de") == std::vector<std::string>{"es", "de"});
    CHECK(languagesOfLocale("C.UTF-8").empty());
    CHECK(languagesOfLocale("POSIX").empty());
    CHECK(languageArgument({"rollcoach", "--language", "es", "next"}) == "es");
    CHECK(languageArgument({"rollcoach", "--language=de", "next"}) == "de");
    CHECK(languageArgument({"rollcoach", "validate", "--", "--language"}).empty());
    CHECK(speechVoiceFor("de") == "de");
    CHECK(speechVoiceFor("es_ES") == "es");
    CHECK(speechVoiceFor("en_GB") == "en-gb");
    CHECK(voiceCommandLanguage() == "en");
}

TEST_CASE("language: without a catalog texts, decimals and dates are English") {
    CHECK(catalogLanguage() == "en");
    CHECK(humanDecimal(2.5, 1) == "2.5");
    CHECK(humanDecimal(-0.25, 2) == "-0.25");
    CHECK(humanDate(Date{2026, 11, 23}) == "Monday 23 November 2026");
    CHECK(humanDayAndMonth(Date{2026, 11, 23}) == "Monday 23 November");
    CHECK(monthShortName(5) == "May");
    CHECK(weekdayShortName(6) == "Sun");
}

TEST_CASE("language: the settings' language is checked where it is written") {
    Diagnostics problems;
    CHECK(parseSettings("language: es\n", problems).language == std::string("es"));
    CHECK(problems.empty());
    const Settings bad = parseSettings("time: \"18:00\"\nlanguage: Deutsch\n", problems);
    CHECK_FALSE(bad.language.has_value());
    REQUIRE(problems.size() == 1);
    CHECK(formatDiagnostic("settings.yaml", problems[0]) ==
          "settings.yaml:2:11: error: \"language\" must name a language, such as de, es or en");
}

TEST_CASE("language: a routine's own translations are chosen by the person's languages") {
    SUBCASE("none asked: the texts as written") {
        const RoutineLoad load = parseRoutine(kRoutine, referenceBody());
        REQUIRE(load.routine);
        CHECK(load.routine->title == "Wall drill");
        CHECK(load.routine->setup == std::vector<std::string>{"Stand with your back to a wall."});
        CHECK(load.routine->steps[0].name == "Hold");
        CHECK(load.routine->steps[0].cue == "Lean in.");
    }
    SUBCASE("Spanish: the Spanish texts, the others as written") {
        setPreferredLanguages({"es_ES", "es"});
        const RoutineLoad load = parseRoutine(kRoutine, referenceBody());
        setPreferredLanguages({});
        REQUIRE(load.routine);
        CHECK(load.routine->title == "Ejercicio en la pared");
        CHECK(load.routine->steps[0].name == "Mantener");
        CHECK(load.routine->steps[0].cue == "Lean in.");
        CHECK(load.routine->setup == std::vector<std::string>{"Stand with your back to a wall."});
    }
    SUBCASE("a first choice wins over a second") {
        setPreferredLanguages({"es", "de"});
        const RoutineLoad load = parseRoutine(kRoutine, referenceBody());
        setPreferredLanguages({});
        REQUIRE(load.routine);
        CHECK(load.routine->title == "Ejercicio en la pared");
        CHECK(load.routine->steps[0].cue == "Anlehnen.");
        CHECK(load.routine->setup ==
              std::vector<std::string>{"Mit dem Rücken an die Wand stellen."});
    }
}

TEST_CASE("language: a routine run in Spanish and then in English is one routine in the history") {
    TempPath data("languages");
    std::string notice;
    const auto history = History::open(data.path.string(), kTestMonday, notice);
    FixedClock clock(kTestMonday);
    const std::string yaml = kRoutine + std::string("schedule: {days: [mon, thu]}\n");
    setPreferredLanguages({"es"});
    const RoutineLoad spanish = parseRoutine(yaml, referenceBody());
    setPreferredLanguages({});
    const RoutineLoad english = parseRoutine(yaml, referenceBody());
    REQUIRE(spanish.routine);
    REQUIRE(english.routine);
    REQUIRE(spanish.routine->title == "Ejercicio en la pared");
    auto runWhole = [&](const Routine& routine, Side first) {
        Session session(routine, {"wall.yaml", spanish.hash}, first, referenceBody(), clock,
                        history.get());
        while (!session.over()) {
            session.advance(1);
            if (session.snapshot().tensionPrompt) {
                session.rateAloud(first == Side::Left ? 6 : 4);
            }
        }
    };
    runWhole(*spanish.routine, Side::Left);
    std::vector<SessionRecord> sessions = history->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].routineTitle == "Ejercicio en la pared");
    CHECK(sessions[0].routineKey == "Wall drill");
    // The next day in English: it alternates from the Spanish session.
    clock.set(kTestMonday + 86400);
    const SideChoice side = chooseFirstSide(*english.routine, sessions, clock.now());
    CHECK(side.side == Side::Right);
    CHECK(side.why == "it went second last time");
    runWhole(*english.routine, side.side);
    sessions = history->sessions();
    REQUIRE(sessions.size() == 2);
    // One routine in the report, by the title its latest session showed, both sessions in it.
    const ReportData report = gatherReport(sessions, {{"wall.yaml", *english.routine}}, 2,
                                           clock.now() + 3600, Settings{});
    REQUIRE(report.routines.size() == 1);
    CHECK(report.routines[0].title == "Wall drill");
    CHECK(report.routines[0].sessions == 2);
    // A calendar made in either language has the same events, and replaces the other's.
    auto uids = [](const Routine& routine) {
        const std::string ics = iCalendar(
            weeklyPlan({{"wall.yaml", routine}}, Date{2026, 11, 23}, 7, Settings{}), 0, "d");
        std::vector<std::string> found;
        for (std::size_t at = ics.find("\r\nUID:"); at != std::string::npos;
             at = ics.find("\r\nUID:", at + 1)) {
            found.push_back(ics.substr(at, ics.find("\r\n", at + 2) - at));
        }
        return found;
    };
    CHECK_FALSE(uids(*english.routine).empty());
    CHECK(uids(*spanish.routine) == uids(*english.routine));
    // Its progress holds the ratings of both, each side before and after.
    ProgressQuery query;
    query.routineKey = english.routine->key;
    const Progress progress = tensionProgress(sessions, query);
    CHECK(progress.left.sessions.size() == 2);
    CHECK(progress.right.sessions.size() == 2);
}

TEST_CASE("language: a routine's translations are checked with line and column") {
    const std::string bad = R"(format: 1
title: Wall drill
title_d3: Wandübung
title_de: [not, text]
drill: wall
ball: tennis
setup_es: Ponte de espaldas a la pared.
steps:
  - name: Hold
    name_de: "   "
    duration_s: 30
    place:
      - {x_cm: 7.5, y_cm: 9}
)";
    const RoutineLoad load = parseRoutine(bad, referenceBody());
    CHECK_FALSE(load.routine);
    std::vector<std::string> lines;
    for (const Diagnostic& d : load.diagnostics) {
        lines.push_back(formatDiagnostic("r.yaml", d));
    }
    const auto has = [&lines](const std::string& start) {
        for (const std::string& line : lines) {
            if (line.compare(0, start.size(), start) == 0) {
                return true;
            }
        }
        return false;
    };
    CHECK(has("r.yaml:3:1: error: unknown key \"title_d3\": \"d3\" is not a language name"));
    CHECK(has("r.yaml:4:11: error: \"title_de\" must be text"));
    CHECK(has("r.yaml:7:11: error: \"setup_es\" must be a list"));
    CHECK(has("r.yaml:10:14: error: \"name_de\" must not be empty"));
}

TEST_CASE("language: with a German catalog, texts, decimals, dates and a validate error are "
          "German, FILE:LINE:COL kept") {
    const GermanCatalog german;
    CHECK(catalogLanguage() == "de");
    CHECK(speechVoiceFor(catalogLanguage()) == "de");
    CHECK(std::string(_("Paused.")) == "Pausiert.");
    CHECK(humanDecimal(2.5, 1) == "2,5");
    CHECK(humanDate(Date{2026, 11, 23}) == "Montag, 23. November 2026");
    CHECK(plural(2,
                 "{0} record of this session not written yet ({1}); tried again until the "
                 "history is free",
                 "{0} records of this session not written yet ({1}); tried again until the "
                 "history is free",
                 "busy") == "2 Einträge dieser Sitzung noch nicht geschrieben (busy)");
    // The shipped texts come through the catalog when the routine has no translation of its own.
    const RoutineLoad load = parseRoutine(R"(format: 1
title: Wall drill
drill: wall
ball: tennis
setup: [Stand with your back to a wall.]
steps:
  - name: Hold
    duration_s: 30
    cue: Lean in.
    place:
      - {x_cm: 7.5, y_cm: 9}
)",
                                          referenceBody());
    REQUIRE(load.routine);
    CHECK(load.routine->title == "Wand-Übung");
    // The safety advice, made once as a constant, is translated when it is given.
    CHECK(stopAdvices(*load.routine).front() ==
          "Sofort aufhören bei stechendem Schmerz, Taubheit oder Kribbeln. Sanft drücken; nie auf "
          "die Wirbelsäule oder den Nacken.");
    CHECK(load.routine->setup ==
          std::vector<std::string>{"Stellen Sie sich mit dem Rücken an eine Wand."});
    CHECK(load.routine->steps[0].cue == "Lehnen Sie sich an.");
    // The message is German; where it is, and the word "error", stay as editors read them.
    const RoutineLoad bad = parseRoutine("format: 1\ntitel: Wall drill\n", referenceBody());
    bool found = false;
    for (const Diagnostic& d : bad.diagnostics) {
        if (formatDiagnostic("r.yaml", d) ==
            "r.yaml:2:1: error: unbekannter Schlüssel \"titel\" in der Routine: meinten Sie "
            "\"title\"?") {
            found = true;
        }
    }
    CHECK(found);
}
