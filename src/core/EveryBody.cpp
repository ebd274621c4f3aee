#include "EveryBody.hpp"
#include "Translate.hpp"

#include "RoutineLoader.hpp"
#include "SafetyCheck.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace rollcoach {
namespace {

// Steps from low to high, both ends included exactly.
std::vector<double> steps(double low, double high, double step) {
    std::vector<double> out;
    for (double v = low; v < high - 1e-9; v += step) {
        out.push_back(std::round(v * 10) / 10);
    }
    out.push_back(high);
    return out;
}

// A problem's words without its numbers: the same problem on two bodies differs only in
// where and when.
std::string shape(const Diagnostic& d) {
    std::string out = std::to_string(static_cast<int>(d.severity)) + ":" +
                      std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + ":";
    if (d.isOffBody()) {
        // Off the body is off the body, whether the centre or only the edge of the patch
        // leaves it, and wherever on the body and whenever in the step it does.
        const char* key = d.offBody.atS.empty() ? "off" : "moving"; // untranslated: a key
        return out + key + ":" + d.offBody.what;
    }
    const std::string& message = d.message;
    bool inNumber = false;
    for (char c : message) {
        const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0 ||
                           (inNumber && (c == '.' || c == '-'));
        if (digit) {
            if (!inNumber) {
                out += '#';
            }
            inNumber = true;
        } else {
            inNumber = false;
            out += c;
        }
    }
    return out;
}

// A set of values among all the grid has, in words: "up to 34", "from 44", "from 36 to 40",
// "" when it is all of them.
std::string span(const std::set<double>& some, const std::vector<double>& all,
                 const std::string& unit) {
    const double low = *some.begin();
    const double high = *some.rbegin();
    if (low <= all.front() && high >= all.back()) {
        return "";
    }
    if (low == all.front()) {
        return fillIn(_("up to {0} {1}"), tenths(high), unit);
    }
    if (high == all.back()) {
        return fillIn(_("from {0} {1}"), tenths(low), unit);
    }
    if (low == high) {
        return fillIn(_("of {0} {1}"), tenths(low), unit);
    }
    return fillIn(_("from {0} to {1} {2}"), tenths(low), tenths(high), unit);
}

} // namespace

std::vector<BodyProfile> acceptedBodies(const BodyModel& anyBody, double widthStepCm,
                                        double heightStepCm) {
    std::vector<BodyProfile> bodies;
    for (const std::string& sex : anyBody.profileNames()) {
        bodies.push_back({sex, std::nullopt, std::nullopt});
    }
    // Past the averages the sexes differ only in what they fill in; with both width and
    // height given, one grid covers both.
    for (double width :
         steps(anyBody.minShoulderWidthCm, anyBody.maxShoulderWidthCm, widthStepCm)) {
        for (double height : steps(anyBody.minHeightCm, anyBody.maxHeightCm, heightStepCm)) {
            bodies.push_back({width < 39 ? "women" : "men", width, height});
        }
    }
    return bodies;
}

EveryBodyCheck checkOnEveryBody(const std::string& routineText, const std::string& bodyText,
                                const std::string& bodyFile,
                                const std::vector<BodyProfile>& bodies) {
    EveryBodyCheck result;
    std::vector<double> widths;
    std::vector<double> heights;
    struct Group {
        BodyProblem problem;
        std::set<double> widths;
        std::set<double> heights;
        std::set<std::string> sexes;
        std::size_t lastBody = 0;
    };
    std::map<std::string, std::size_t> index;
    std::vector<Group> groups;
    for (const BodyProfile& profile : bodies) {
        const BodyModel body = BodyModel::parse(bodyText, bodyFile, profile);
        if (std::find(widths.begin(), widths.end(), body.shoulderWidthCm) == widths.end()) {
            widths.push_back(body.shoulderWidthCm);
        }
        if (std::find(heights.begin(), heights.end(), body.heightCm) == heights.end()) {
            heights.push_back(body.heightCm);
        }
        RoutineLoad load = parseRoutine(routineText, body);
        if (!load.routine && result.bodiesChecked == 0) {
            // Broken whatever the body (a syntax error, an unknown key): said once, as is.
            bool placementOnly = true;
            for (const Diagnostic& d : load.diagnostics) {
                placementOnly = placementOnly && d.severity != Severity::Error;
            }
            if (!placementOnly) {
                result.fileProblems = load.diagnostics;
                return result;
            }
        }
        ++result.bodiesChecked;
        checkPlacements(load, body);
        for (const Diagnostic& d : load.diagnostics) {
            const std::string key = shape(d);
            auto found = index.find(key);
            if (found == index.end()) {
                found = index.emplace(key, groups.size()).first;
                groups.push_back({BodyProblem{d, 0, ""}, {}, {}, {}, 0});
            }
            Group& group = groups[found->second];
            // Two hands with the same problem on one body count one body.
            if (group.lastBody != result.bodiesChecked) {
                ++group.problem.bodies;
                group.lastBody = result.bodiesChecked;
            }
            group.widths.insert(body.shoulderWidthCm);
            group.heights.insert(body.heightCm);
            group.sexes.insert(body.sex);
        }
    }
    std::sort(widths.begin(), widths.end());
    std::sort(heights.begin(), heights.end());
    for (Group& group : groups) {
        const std::string w = span(group.widths, widths, "cm");
        const std::string h = span(group.heights, heights, "cm");
        std::string which;
        if (!w.empty()) {
            which = fillIn(_("shoulders {0}"), w);
        }
        if (!h.empty()) {
            which = which.empty() ? fillIn(_("heights {0}"), h)
                                  : fillIn(_("shoulders {0} and heights {1}"), w, h);
        }
        group.problem.everyBody = group.problem.bodies == result.bodiesChecked;
        if (which.empty()) {
            which = group.problem.everyBody ? _("every body") : _("some bodies");
        }
        group.problem.which = which;
        result.problems.push_back(group.problem);
    }
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const BodyProblem& a, const BodyProblem& b) {
                         const SourceMark& x = a.diagnostic.mark;
                         const SourceMark& y = b.diagnostic.mark;
                         return x.line != y.line ? x.line < y.line : x.column < y.column;
                     });
    return result;
}

std::string notFitReason(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::Error && d.isOffBody()) {
            return notFitReason(d.kind, d.offBody);
        }
    }
    return "";
}

std::string notFitReason(ProblemKind kind, const OffBodyPieces& p) {
    // The person's own body, as it is set: one whole sentence per kind.
    switch (kind) {
    case ProblemKind::MovesOffBody:
        // TRANSLATORS: why a routine does not fit the person's body: {0} which contact
        // ("ball 2 of step 1 (\"Settle in\")"), {1} seconds into the step, {2} the body as it
        // is set ("women, shoulders 32 cm, height 162.9 cm").
        return fillIn(_("{0} moves off your body {1} s into the step as it is set ({2})"), p.what,
                      p.atS, p.body);
    case ProblemKind::OverTheEdge:
        if (!p.atS.empty()) {
            return fillIn(
                // TRANSLATORS: as "{0} moves off your body {1} s into the step as it is set
                // ({2})".
                _("{0} reaches over the edge of your body {1} s into the step as it is set ({2})"),
                p.what, p.atS, p.body);
        }
        // TRANSLATORS: why a routine does not fit the person's body: {0} which contact, {1} the
        // body as it is set.
        return fillIn(_("{0} reaches over the edge of your body as it is set ({1})"), p.what,
                      p.body);
    case ProblemKind::PlacedOffBody:
        // TRANSLATORS: why a routine does not fit the person's body: {0} which contact, {1} the
        // body as it is set.
        return fillIn(_("{0} is placed off your body as it is set ({1})"), p.what, p.body);
    case ProblemKind::Other:
        break;
    }
    return "";
}

} // namespace rollcoach
