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

// The part of the translated kOffBodyWhere between two of its placeholders ("{0}" to "{1}" gives
// ", y_cm "); from its start to the first when `from` is "", to its end when `to` is "".
std::string offBodyWherePart(const std::string& from, const std::string& to) {
    const std::string pattern = translate(kOffBodyWhere);
    const std::size_t start = from.empty() ? 0 : pattern.find(from);
    if (start == std::string::npos) {
        return {};
    }
    const std::size_t begin = start + from.size();
    const std::size_t end = to.empty() ? std::string::npos : pattern.find(to, begin);
    return pattern.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// A problem's words without its numbers: the same problem on two bodies differs only in
// where and when.
std::string shape(const Diagnostic& d) {
    std::string out = std::to_string(static_cast<int>(d.severity)) + ":" +
                      std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + ":";
    // Off the body is off the body, whether the centre or only the edge of the patch leaves it.
    std::string message = d.message.substr(0, d.message.find(" " + offBodyWherePart("", "{0}")));
    for (const char* how : {_("reaches over the edge of the body"), _("is placed off the body"),
                            _("moves off the body")}) {
        const std::size_t at = message.find(how);
        if (at != std::string::npos) {
            message.replace(at, std::string(how).size(), "off");
        }
    }
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
        if (which.empty()) {
            which =
                group.problem.bodies == result.bodiesChecked ? _("every body") : _("some bodies");
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
        if (d.severity != Severity::Error) {
            continue;
        }
        const std::string& m = d.message;
        if (m.find(_("is placed off the body")) != std::string::npos ||
            m.find(_("moves off the body")) != std::string::npos ||
            m.find(_("reaches over the edge of the body")) != std::string::npos) {
            // "ball 2 of step 2 (\"Up and down\") ..." up to the place: who and where.
            const std::size_t cut = m.find(" " + offBodyWherePart("", "{0}"));
            // "... off the body" is the person's own body here: said so, once.
            std::string reason = m.substr(0, cut);
            // TRANSLATORS: "the body" as the off-body messages say it, replaced by "your body"
            // when the person's own body is meant.
            const std::string theBodyWords = _("the body");
            const std::size_t theBody = reason.rfind(theBodyWords);
            if (theBody != std::string::npos) {
                reason.replace(theBody, theBodyWords.size(), _("your body"));
            }
            const std::string onWords = offBodyWherePart("{1}", "{2}");
            const std::string endWords = offBodyWherePart("{2}", "") + ":";
            const std::size_t on = onWords.empty() ? std::string::npos : m.find(onWords, cut);
            const std::size_t end = m.find(endWords, cut);
            if (cut != std::string::npos && on != std::string::npos && end != std::string::npos &&
                end > on) {
                // TRANSLATORS: {0} what does not fit, {1} the body as it is set.
                reason = fillIn(_("{0} as it is set ({1})"), reason,
                                m.substr(on + onWords.size(), end - on - onWords.size()));
            }
            return reason;
        }
    }
    return "";
}

} // namespace rollcoach
