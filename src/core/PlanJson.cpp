#include "PlanJson.hpp"
#include "Translate.hpp"

#include "PrintableText.hpp"
#include "SafetyCheck.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace rollcoach {
namespace {

const char* kindName(SegmentKind kind) {
    switch (kind) {
    case SegmentKind::GetReady:
        return "get-ready";
    case SegmentKind::Step:
        return "step";
    case SegmentKind::Switch:
        break;
    }
    return "switch";
}

} // namespace

std::string planJson(const Timeline& timeline, const std::string& firstSideReason, double everyS,
                     const BodyModel* body) {
    const Routine& routine = timeline.routine();
    nlohmann::ordered_json plan;
    plan["title"] = routine.title;
    plan["total_s"] = timeline.totalS();
    plan["first_side"] = sideName(timeline.firstSide());
    plan["seconds_per_side"] = timeline.secondsOnSide(Side::Left);
    if (!firstSideReason.empty()) {
        plan["first_side_reason"] = firstSideReason;
    }
    nlohmann::ordered_json segments = nlohmann::ordered_json::array();
    for (const Segment& segment : timeline.segments()) {
        nlohmann::ordered_json item;
        item["start_s"] = segment.startS;
        item["duration_s"] = segment.durationS;
        item["kind"] = kindName(segment.kind);
        item["side"] = sideName(segment.side);
        if (segment.bothSides) {
            // Both sides at once; "side" stays the first side, as the format promises.
            item["both_sides"] = true;
        }
        item["round"] = segment.round;
        if (segment.step) {
            item["step"] = routine.steps[*segment.step].name;
            item["step_index"] = *segment.step;
        } else {
            item["step"] = nullptr;
        }
        segments.push_back(std::move(item));
    }
    plan["segments"] = std::move(segments);
    if (everyS > 0) {
        // The balls as drawn, moment by moment: tools check the drawn path with it.
        if (body != nullptr) {
            nlohmann::ordered_json outline = nlohmann::ordered_json::array();
            for (const Point& p : body->outline) {
                outline.push_back({{"x_cm", p.xCm}, {"y_cm", p.yCm}});
            }
            plan["body"] = {{"description", body->describe()},
                            {"shoulder_width_cm", body->shoulderWidthCm},
                            {"height_cm", body->heightCm},
                            {"spine_half_width_cm", body->spineHalfWidthCm},
                            {"neck_half_width_cm", body->neckHalfWidthCm},
                            {"outline_right_half", std::move(outline)}};
        }
        nlohmann::ordered_json moments = nlohmann::ordered_json::array();
        const auto count = static_cast<long>(std::floor(timeline.totalS() / everyS + 1e-9));
        for (long i = 0; i <= count; ++i) {
            const double t = static_cast<double>(i) * everyS;
            const Moment m = timeline.at(t);
            nlohmann::ordered_json moment;
            moment["t_s"] = t;
            moment["kind"] = kindName(m.segment->kind);
            moment["side"] = sideName(m.segment->side);
            nlohmann::ordered_json balls = nlohmann::ordered_json::array();
            // The step whose balls are shown: during a switch, the one coming next.
            std::optional<std::size_t> step = m.segment->step;
            if (!step && m.segmentIndex + 1 < timeline.segments().size()) {
                step = timeline.segments()[m.segmentIndex + 1].step;
            }
            for (const Point& p : m.ballsInRoutineFrame) {
                nlohmann::ordered_json ball = {{"x_cm", p.xCm}, {"y_cm", p.yCm}};
                if (body != nullptr && step) {
                    ball["radius_cm"] = Contact::of(*body, routine, routine.steps[*step]).radiusCm;
                }
                balls.push_back(std::move(ball));
            }
            moment["balls"] = std::move(balls);
            moments.push_back(std::move(moment));
        }
        plan["moments"] = std::move(moments);
    }
    // Replacement keeps output valid even if a routine's text held broken UTF-8.
    return printableJson(plan.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) + "\n";
}

std::string planText(const Timeline& timeline) {
    const Routine& routine = timeline.routine();
    // Routine text is checked when it is loaded; a timeline can also be built by hand.
    // TRANSLATORS: the plan's first line: {0} how many rounds, {1} the routine's title, {2} its
    // drill as the routine file names it (wall, lying, partner, self-press), {3} the whole
    // time, {4} the time per side.
    std::string out = fillIn(
        plural(routine.schedule.rounds, "{1} ({2} drill, {0} round, {3} in all, {4} per side)\n",
               "{1} ({2} drill, {0} rounds, {3} in all, {4} per side)\n", printable(routine.title),
               drillName(routine.drill), minutesAndSeconds(timeline.totalS()),
               minutesAndSeconds(timeline.secondsOnSide(Side::Left))));
    for (const Segment& segment : timeline.segments()) {
        out += "  " + minutesAndSeconds(segment.startS) + "  ";
        const std::string time = minutesAndSeconds(segment.durationS);
        if (segment.kind == SegmentKind::GetReady) {
            out += segment.side == Side::Left
                       ? fillIn(_("get ready, the left side first ({0})\n"), time)
                       : fillIn(_("get ready, the right side first ({0})\n"), time);
        } else if (segment.kind == SegmentKind::Switch) {
            out += segment.side == Side::Left ? fillIn(_("switch to the left side ({0})\n"), time)
                                              : fillIn(_("switch to the right side ({0})\n"), time);
        } else {
            // TRANSLATORS: a step in the plan: {0} the side ("left side", "both sides"), {1} the
            // round, {2} the step's name, {3} its time.
            out +=
                fillIn(_("{0}, round {1}: {2} ({3})\n"),
                       segment.bothSides ? std::string(_("both sides")) : sideWords(segment.side),
                       segment.round, printable(routine.steps[*segment.step].name), time);
        }
    }
    return out;
}

} // namespace rollcoach
