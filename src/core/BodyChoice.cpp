#include "BodyChoice.hpp"
#include "Translate.hpp"

#include "EveryBody.hpp"
#include "RoutineLoader.hpp"
#include "SafetyCheck.hpp"
#include "Schedule.hpp"
#include "SettingsText.hpp"
#include "TextFile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rollcoach {

const char* const kNotFitAdvice =
    _("Set your body (B), or ask for a version of the routine placed by anatomy.");

BodyDraft BodyDraft::of(const Workspace& workspace) {
    BodyDraft draft;
    draft.profile =
        BodyProfile{workspace.bodyProfile, workspace.shoulderWidthCm, workspace.heightCm};
    return draft;
}

void BodyDraft::nextField() {
    field = field == BodyField::Sex             ? BodyField::ShoulderWidth
            : field == BodyField::ShoulderWidth ? BodyField::Height
                                                : BodyField::Sex;
}

void BodyDraft::previousField() {
    field = field == BodyField::Sex             ? BodyField::Height
            : field == BodyField::ShoulderWidth ? BodyField::Sex
                                                : BodyField::ShoulderWidth;
}

void BodyDraft::step(int direction, const BodyModel& shown) {
    auto move = [&](std::optional<double>& value, double from, double stepCm, const double* range) {
        // To the next step on the grid, so a measure of 36.3 goes to 36.5 or 36, never 36.8.
        const double now = value.value_or(from) / stepCm;
        const double next = direction > 0 ? std::floor(now + 1e-9) + 1 : std::ceil(now - 1e-9) - 1;
        value = std::clamp(next * stepCm, range[0], range[1]);
    };
    switch (field) {
    case BodyField::Sex:
        profile.name = profile.name == "women" ? "men" : "women";
        break;
    case BodyField::ShoulderWidth:
        move(profile.shoulderWidthCm, shown.shoulderWidthCm, kShoulderWidthStepCm,
             kShoulderWidthRangeCm);
        break;
    case BodyField::Height:
        move(profile.heightCm, shown.heightCm, kHeightStepCm, kHeightRangeCm);
        break;
    }
}

RoutineOnBody routineOnBody(const std::string& text, const BodyModel& body) {
    RoutineLoad load = parseRoutine(text, body);
    RoutineOnBody result;
    result.routine = load.routine;
    if (load.routine) {
        checkPlacements(load, body, PlacementCheck::ErrorsOnly);
        result.notFit = notFitReason(load.diagnostics);
        if (!load.routine && result.notFit.empty()) {
            result.routine.reset(); // an error that is not about this body
        }
    }
    result.diagnostics = std::move(load.diagnostics);
    return result;
}

RoutineOnBody routineFileOnBody(const std::string& path, const BodyModel& body) {
    const TextFile file = readTextFile(path, kMaxRoutineBytes);
    if (!file.error.empty()) {
        RoutineOnBody result;
        result.diagnostics.push_back({Severity::Error, {}, file.error});
        return result;
    }
    return routineOnBody(file.text, body);
}

std::string notFitText(const std::string& reason) {
    return fillIn(_("Does not fit your body: {0}."), reason);
}

std::string centimetresText(double cm) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::round(cm * 10) / 10);
    std::string text = buffer;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return text;
}

bool saveBody(Workspace& workspace, const std::optional<BodyProfile>& body, std::string& why) {
    std::vector<SettingChange> changes;
    if (body) {
        auto measure = [](const std::optional<double>& cm) {
            return cm ? std::optional<std::string>(centimetresText(*cm)) : std::nullopt;
        };
        changes = {{"body", body->name},
                   {"shoulder_width_cm", measure(body->shoulderWidthCm)},
                   {"height_cm", measure(body->heightCm)}};
    }
    changes.push_back({"body_asked", std::string("true")});
    if (!changeSettingsFile(workspace.settingsFile, changes, why)) {
        return false;
    }
    workspace.settings.bodyAsked = true;
    if (body) {
        workspace.bodyProfile = body->name;
        workspace.shoulderWidthCm = body->shoulderWidthCm;
        workspace.heightCm = body->heightCm;
        workspace.settings.body = body->name;
        workspace.settings.shoulderWidthCm = body->shoulderWidthCm;
        workspace.settings.heightCm = body->heightCm;
    }
    return true;
}

} // namespace rollcoach
