#pragma once

#include "BodyModel.hpp"
#include "Diagnostic.hpp"
#include "Routine.hpp"
#include "Workspace.hpp"

#include <optional>
#include <string>

namespace rollcoach {

/// The measures of the body screen, in the order Tab visits them.
enum class BodyField { Sex, ShoulderWidth, Height };

/// Shoulder width goes in half centimetres, height in whole ones.
constexpr double kShoulderWidthStepCm = 0.5;
constexpr double kHeightStepCm = 1;

/// A body being set on the body screen: the sex, and the measures given (none: the average's).
struct BodyDraft {
    BodyProfile profile;
    BodyField field = BodyField::Sex;

    /// Starts from the workspace's body: its sex and the measures it was given.
    static BodyDraft of(const Workspace& workspace);
    void nextField();
    void previousField();
    /// One step up (+1) or down (-1) of the field: the other sex; half a centimetre of shoulder
    /// width; a centimetre of height; never past the accepted ranges. A measure not given yet
    /// starts from `shown`'s, the body as modelled now.
    void step(int direction, const BodyModel& shown);
    /// Sets the field's value outright (a click on "women").
    void setSex(const std::string& sex) { profile.name = sex; }
};

/// A routine read for one body, kept where it does not fit, so it can be shown on it.
struct RoutineOnBody {
    std::optional<Routine> routine; ///< none when the file itself has an error
    Diagnostics diagnostics;        ///< the file's and the placements' on this body
    std::string notFit;             ///< why it does not fit this body; "" when it fits
    bool fits() const { return routine.has_value() && notFit.empty(); }
};

/// Parses the routine for the body (placements by anatomy resolve for it) and checks its
/// placements there.
RoutineOnBody routineOnBody(const std::string& text, const BodyModel& body);
/// The same from a routine file; a file that cannot be read is a diagnostic.
RoutineOnBody routineFileOnBody(const std::string& path, const BodyModel& body);

/// What the list and the window say of a routine that does not fit: the reason, and what to do.
std::string notFitText(const std::string& reason); ///< "Does not fit your body: ..."
extern const char* const kNotFitAdvice;

/// Saves the body chosen to the settings file (none: the body stays as it is) with
/// `body_asked: true`, keeping every other line, and makes it the workspace's body. False,
/// with the reason in `why`, when the file cannot be written; the workspace is then unchanged.
bool saveBody(Workspace& workspace, const std::optional<BodyProfile>& body, std::string& why);

/// "36.5", "40": a measure as the settings file and the screen give it.
std::string centimetresText(double cm);

} // namespace rollcoach
