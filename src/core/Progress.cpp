#include "Progress.hpp"
#include "Translate.hpp"

#include "Language.hpp"
#include "PrintableText.hpp"
#include "Timeline.hpp"

#include <cstdio>

#include <algorithm>
#include <filesystem>

namespace rollcoach {

namespace {

// Averages are of whole numbers over a few rounds, so a change of -1.9999999 is -2 written
// in binary; without this margin it would not count.
constexpr double kMargin = 1e-9;

// The history keeps the path a session was started with, which may be relative to another
// folder or differently spelt than the one asked for.
bool sameFile(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) {
        return false;
    }
    if (a == b) {
        return true;
    }
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec) && !ec;
}

bool wanted(const SessionRecord& session, const ProgressQuery& query) {
    const bool anyRoutine = query.routineFile.empty() && query.routineKey.empty();
    const bool sameKey = !query.routineKey.empty() && session.routineKey == query.routineKey;
    if (!anyRoutine && !sameKey && !sameFile(session.routineFile, query.routineFile)) {
        return false;
    }
    if (query.weeks) {
        const std::int64_t from = query.now - static_cast<std::int64_t>(*query.weeks) * 7 * 86400;
        if (session.startedAt < from) {
            return false;
        }
    }
    return true;
}

std::optional<double> average(const std::vector<int>& ratings) {
    if (ratings.empty()) {
        return std::nullopt;
    }
    double sum = 0;
    for (int rating : ratings) {
        sum += rating;
    }
    return sum / static_cast<double>(ratings.size());
}

void summarise(SideProgress& side) {
    SideSummary& s = side.summary;
    double before = 0;
    double after = 0;
    double change = 0;
    int befores = 0;
    int afters = 0;
    for (const SideSession& session : side.sessions) {
        ++s.sessions;
        if (session.before) {
            before += *session.before;
            ++befores;
        }
        if (session.after) {
            after += *session.after;
            ++afters;
        }
        if (const auto c = session.change()) {
            change += *c;
            ++s.paired;
            s.mattered += session.matters() ? 1 : 0;
        }
    }
    if (befores > 0) {
        s.averageBefore = before / befores;
    }
    if (afters > 0) {
        s.averageAfter = after / afters;
    }
    if (s.paired > 0) {
        s.averageChange = change / s.paired;
    }
}

} // namespace

bool changeMatters(double change) {
    return change <= -kChangeThatMatters + kMargin;
}

std::optional<double> SideSession::change() const {
    if (!before || !after) {
        return std::nullopt;
    }
    return *after - *before;
}

bool SideSession::matters() const {
    const auto c = change();
    return !painStop && c && changeMatters(*c);
}

bool isPainStop(const SessionRecord& session) {
    return session.how == "stopped" && session.stopReason == kPainStopReason;
}

std::optional<PainStop> painStopOf(const SessionRecord& session) {
    if (!isPainStop(session)) {
        return std::nullopt;
    }
    PainStop stop{session.startedAt,  session.endedAt, session.routineTitle,
                  session.routineKey, std::nullopt,    session.totalS()};
    if (!session.steps.empty()) {
        stop.step = session.steps.back();
    }
    return stop;
}

std::string stopReasonWords(const std::string& stored) {
    return stored.empty() ? stored : translate(stored);
}

std::string painStopWhere(const PainStop& stop, bool isolate) {
    if (!stop.step) {
        return _("before the first step");
    }
    const StepRecord& step = *stop.step;
    const std::string name = isolate ? isolated(step.stepName) : step.stepName;
    const std::string where = step.bothSides ? std::string(_("both sides")) : sideWords(step.side);
    // TRANSLATORS: where a session stopped: {0} the side ("left side", "both sides"), {1} the
    // step's name, {2} the round, {3} the time worked.
    return fillIn(_("{0}, step \"{1}\" (round {2}), after {3} of work"), where, name, step.round,
                  minutesAndSeconds(stop.workedS));
}

Progress tensionProgress(const std::vector<SessionRecord>& history, const ProgressQuery& query) {
    std::vector<const SessionRecord*> sessions;
    for (const SessionRecord& session : history) {
        if (wanted(session, query)) {
            sessions.push_back(&session);
        }
    }
    // A trend reads from the oldest; the history comes newest first.
    std::stable_sort(
        sessions.begin(), sessions.end(),
        [](const SessionRecord* a, const SessionRecord* b) { return a->startedAt < b->startedAt; });
    Progress progress;
    for (const SessionRecord* session : sessions) {
        const std::optional<PainStop> stop = painStopOf(*session);
        if (stop) {
            progress.painStops.push_back(*stop);
        }
        if (!session->didWork()) {
            continue; // left before any time on a side: its ratings are not a session's
        }
        for (SideProgress* side : {&progress.left, &progress.right}) {
            std::vector<int> before;
            std::vector<int> after;
            for (const CheckIn& check : session->checkIns) {
                if (check.side != side->side || check.rating < 0 || check.rating > 10) {
                    continue;
                }
                (check.after ? after : before).push_back(check.rating);
            }
            if (before.empty() && after.empty()) {
                continue;
            }
            side->sessions.push_back(
                {session->startedAt, session->routineTitle, average(before), average(after), stop});
        }
    }
    summarise(progress.left);
    summarise(progress.right);
    return progress;
}

std::string ratingText(const std::optional<double>& value) {
    if (!value) {
        return "-";
    }
    // One decimal, none when it is zero ("6", not "6.0"), with the language's separator.
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", *value);
    const std::string tenths = text;
    const bool whole = tenths.size() > 2 && tenths.compare(tenths.size() - 2, 2, ".0") == 0;
    const std::string shown = humanDecimal(*value, whole ? 0 : 1);
    return shown == "-0" ? "0" : shown;
}

std::string changeText(const std::optional<double>& value) {
    const std::string shown = ratingText(value);
    return value && *value > 0.05 && shown != "0" ? "+" + shown : shown;
}

} // namespace rollcoach
