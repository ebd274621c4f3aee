#pragma once

#include "BodyModel.hpp"
#include "Diagnostic.hpp"
#include "Routine.hpp"
#include "RoutineLoader.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// A place on the back as a routine file writes it: centimetres, or by anatomy (a named
/// place, or a fraction of the way between two, with offsets), resolved for each body.
struct PlaceSpec {
    enum class Form { Centimetres, At, Between };
    Form form = Form::Centimetres;
    std::string at;      ///< At: the named place; Between: the first of the two
    std::string to;      ///< Between: the second
    double fraction = 0; ///< Between
    std::optional<double> dxCm;
    std::optional<double> dyCm;
    std::optional<double> xCm; ///< from the midline, instead of the place's own
    std::optional<double> yCm; ///< below C7, instead of the place's own
    bool otherSide = false;    ///< mirrored across the midline

    static PlaceSpec centimetres(Point point);
    bool byAnatomy() const { return form != Form::Centimetres; }
};

/// Where a place is on this body, as the loader resolves it; none for an unknown name.
std::optional<Point> resolvePlace(const PlaceSpec& place, const BodyModel& body);

/// A point of this body written by anatomy: from the nearest named place, `{at, dx_cm, dy_cm}`,
/// or `{at, x_cm, dy_cm}` within reach of the spine (its keep-out band is the same on every
/// body, so the distance from the midline is kept in centimetres there). Across the midline
/// it is the mirror image of a place of the working side (`side: other`). On this body it
/// resolves to within 0.01 cm of the point.
PlaceSpec placeByAnatomy(Point point, const BodyModel& body);

/// A place as a routine file writes it, in flow form: "{at: scapula-inner-edge, dx_cm: 1.2}".
std::string placeYaml(const PlaceSpec& place);

/// A motion as written: lengths as the file gives them (by anatomy, for the reference body).
struct DraftMotion {
    Pattern pattern = Pattern::Hold;
    double amplitudeCm = 0;
    double periodS = 0;
    std::vector<PlaceSpec> points;
    std::vector<PlaceSpec> returnPoints;
    int repeat = 0;
};

struct DraftStep {
    std::string name;
    double durationS = 30;
    std::string cue;
    std::vector<PlaceSpec> place;
    DraftMotion motion;
    std::optional<Tool> tool;
    std::string target;
    bool bothSides = false;
};

/// A routine as its file writes it, for editing.
struct DraftRoutine {
    std::string title;
    Drill drill = Drill::Wall;
    BallChoice ball{"tennis", 0};
    std::optional<Tool> tool;
    std::string target;
    std::vector<std::string> setup;
    Schedule schedule;
    std::vector<DraftStep> steps;
};

/// The routine file of a draft: a YAML document the loader reads back as the same routine.
std::string writeRoutineYaml(const DraftRoutine& routine);

/// A draft read from routine text, or why not (the loader's errors).
struct DraftRead {
    std::optional<DraftRoutine> draft;
    Diagnostics diagnostics;
};
DraftRead readDraft(const std::string& text, const BodyModel& body);

/// A starting routine for a drill ("wall", "lying", "partner", "self-press"), with a title:
/// the one `rollcoach new` writes.
DraftRoutine templateDraft(const std::string& drill, const std::string& title,
                           const BodyModel& body);

/// What the editor shows and edits.
enum class DraftField {
    // The routine.
    Title,
    Drill,
    Ball,
    Tool,
    Target,
    Rounds,
    FirstSide,
    SwitchS,
    LeadInS,
    Days,
    Time,      ///< the time of day sessions are due; "" for the settings' time
    SetupLine, ///< one line of the setup list: FieldView::item, and setField's index
    BallSize,  ///< a ball of its own size: its diameter in centimetres
    // The step.
    StepName,
    Duration,
    Pattern,
    Amplitude,
    Period,
    Repeat,
    StepTool,
    StepTarget,
    Sides,
    Cue
};

struct FieldView {
    DraftField field = DraftField::Title;
    enum class Kind { Text, Number, Choice };
    Kind kind = Kind::Text;
    std::string label;
    std::string value;
    std::string limit;    ///< "at most 500 characters", "1-1800 s", "left/right: change"
    std::size_t item = 0; ///< SetupLine: which line
};

/// The fields of the routine, and of one of its steps, that apply to it (a ball or a tool,
/// an amplitude or a repeat, as its drill and motion ask). Values are in the person's words
/// and language ("Wand-Übung", "Kreise", "Mo Do"); with a body, balls and muscles by its
/// labels ("Yoga Tune Up ball"), else by the routine's word.
std::vector<FieldView> routineFields(const DraftRoutine& routine, const BodyModel* body = nullptr);
std::vector<FieldView> stepFields(const DraftRoutine& routine, std::size_t step,
                                  const BodyModel* body = nullptr);

/// A choice's values in the person's words and language, as the editor shows them; the file
/// keeps the format's keyword ("wall", "circle", "auto", "mon").
std::string drillWords(Drill drill);
std::string patternWords(Pattern pattern);
std::string toolWords(Tool tool);
std::string firstSideWords(FirstSide side);
std::string sidesWords(bool bothSides);

/// The format's keyword of a choice's value as a person gives it: the keyword itself or its
/// words in the language (case aside); for a ball or a muscle also the body's label. Weekdays
/// (DraftField::Days) by their keyword, short or long name. "" for no such value, and for the
/// "none" and "as the routine" choices of a muscle or a step's tool.
std::optional<std::string> choiceKeyword(DraftField field, const std::string& text,
                                         const BodyModel* body = nullptr);

/// What is wrong with a value typed into a field, in the person's words ("" when nothing):
/// the format's limits, as they are typed. For SetupLine, `step` is the line.
std::string fieldProblem(const DraftRoutine& routine, std::size_t step, DraftField field,
                         const std::string& text);

/// The most text of a title, a name, a cue or a setup line, in characters.
constexpr std::size_t kMaxDraftText = 500;
constexpr std::size_t kMaxDraftSteps = 100;
constexpr std::size_t kMaxDraftPlaces = 4;
constexpr std::size_t kMaxDraftSetup = 30;
constexpr std::size_t kMaxDraftPoints = 50;

/// Which of a step's lists of motion points: where the first ball, hand or thumb goes
/// (`points`), or a stroke's light way back (`return`).
enum class PointList { Points, Return };

/// The motion points of a step, and how many the format allows for its pattern and list.
const std::vector<PlaceSpec>& motionPoints(const DraftStep& step, PointList list);
std::size_t fewestPoints(Pattern pattern, PointList list);
std::size_t mostPoints(Pattern pattern, PointList list);

/// A placement as text, as the explorer copies it: `{at: NAME, dx_cm: X, dy_cm: Y}`, with
/// `side: other` or `side: working` if it likes, or any place a routine file may give
/// (`{between: [A, B], fraction: F}`, `{x_cm: X, y_cm: Y}`, ...). A leading "- " is allowed.
struct PlacementRead {
    std::optional<PlaceSpec> place;
    std::string problem; ///< why not, in the person's words
};
PlacementRead parsePlacement(const std::string& text, const BodyModel& body);
/// The text a routine file gives for a place: `{at: scapula-top, dx_cm: 1.5}`.
std::string placementText(const PlaceSpec& place);

/// A routine being edited: commands that change it, each undone and redone as one.
class RoutineDraft {
public:
    explicit RoutineDraft(DraftRoutine routine) : m_routine(std::move(routine)) {}

    const DraftRoutine& routine() const { return m_routine; }

    /// A new step after `after` (at the end when past it), placed as that step is.
    void addStep(std::size_t after);
    void duplicateStep(std::size_t step);
    void deleteStep(std::size_t step);
    /// Moves a step up (delta < 0) or down the list; false at an end.
    bool moveStep(std::size_t step, int delta);

    /// Sets a field from text. Text is kept as typed, a number or a choice only when valid;
    /// returns fieldProblem's answer. With `typing`, it joins the previous change of the
    /// same field into one undo. A choice is given by its keyword or its words in the
    /// language (choiceKeyword), a ball or a muscle by the body's label when there is a body.
    std::string setField(DraftField field, std::size_t step, const std::string& text,
                         bool typing = false, const BodyModel* body = nullptr);
    /// Steps a choice (drill, ball, pattern, ...) to the next or previous one.
    void cycleField(DraftField field, std::size_t step, int delta, const BodyModel& body);

    /// Puts a ball, hand, thumb or finger of a step where it is on this body, stored by
    /// anatomy; the motion's points move with the first one. With `dragging`, the moves of
    /// one drag are one undo.
    void movePlace(std::size_t step, std::size_t index, Point to, const BodyModel& body,
                   bool dragging = false);
    /// One ball (hand, ...) more, or one fewer; false when the format allows no more/fewer.
    bool addPlace(std::size_t step, const BodyModel& body);
    bool removePlace(std::size_t step);
    /// Sets a ball, hand, thumb or finger of a step to a place as given (pasted from the
    /// explorer); the motion's points move with the first one, as in movePlace.
    bool setPlace(std::size_t step, std::size_t index, const PlaceSpec& place,
                  const BodyModel& body);

    /// A step's motion points: moved (dragged or nudged), added after `after` (halfway to the
    /// next, or on past the last) and deleted, within the format's counts; false when not.
    void movePoint(std::size_t step, PointList list, std::size_t index, Point to,
                   const BodyModel& body, bool dragging = false);
    bool setPoint(std::size_t step, PointList list, std::size_t index, const PlaceSpec& place);
    bool addPoint(std::size_t step, PointList list, std::size_t after, const BodyModel& body);
    bool removePoint(std::size_t step, PointList list, std::size_t index);

    /// The setup list: a line added after `after` (at the end when past it; false at 30),
    /// one deleted, one moved up or down.
    bool addSetupLine(std::size_t after, const std::string& text);
    bool deleteSetupLine(std::size_t line);
    bool moveSetupLine(std::size_t line, int delta);

    /// Ends a run of typing or dragging: the next change is its own undo.
    void endRun() { m_runKey.clear(); }

    bool undo();
    bool redo();
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }

    /// True when the routine differs from the one last saved (or opened).
    bool modified() const { return m_revision != m_savedRevision; }
    void markSaved() { m_savedRevision = m_revision; }

    std::string yaml() const { return writeRoutineYaml(m_routine); }
    /// The routine as the loader reads it on this body, with its placements checked.
    RoutineLoad check(const BodyModel& body) const;

private:
    template <typename Change> void change(const std::string& key, Change&& apply);

    struct Snapshot {
        DraftRoutine routine;
        long revision = 0;
    };
    DraftRoutine m_routine;
    std::vector<Snapshot> m_undo;
    std::vector<Snapshot> m_redo;
    std::string m_runKey; ///< the typing or dragging run the last change belongs to
    long m_revision = 0;
    long m_nextRevision = 1;
    long m_savedRevision = 0;
};

} // namespace rollcoach
