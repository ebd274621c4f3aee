#pragma once

#include "Screen.hpp"
#include "app/Drawing.hpp"
#include "core/RoutineDraft.hpp"
#include "core/TextEntry.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// Where an edited routine is saved: the file itself, or, for a shipped routine (never changed
/// in place), a copy in the person's routine folder.
std::string editorSavePath(const Workspace& workspace, const std::string& file);

/// The routine editor: the steps, the fields of the routine and of the chosen step, and the
/// body with the step's placements, dragged with the mouse or moved with the arrow keys under
/// a live verdict. Every change is a command of the core's routine draft, undone with Ctrl+Z.
class EditorScreen : public Screen {
public:
    /// `file`: the routine to edit; one that does not exist starts from the template of
    /// `drill`, and "" is a new routine in the person's folder.
    EditorScreen(AppResources& app, std::string file, const std::string& drill);
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    ScreenRequest update(double seconds) override;
    void draw(sf::RenderTarget& target) const override;
    bool animating() const override { return m_draft.has_value(); }
    bool typing() const override { return m_entry.has_value(); }
    bool askBeforeClosing() override;

    const RoutineDraft* draft() const { return m_draft ? &*m_draft : nullptr; }
    const std::string& savePath() const { return m_savePath; }
    const std::string& status() const { return m_status; }
    std::size_t step() const { return m_step; }
    /// The texts as laid out: labels, values, notes, the list of steps.
    const std::vector<PlacedText>& texts() const { return m_texts; }
    /// The line on the bodies the routine does not fit, when that is not the problem already
    /// shown for this body; "" otherwise.
    const std::string& everyBodyProblem() const { return m_everyBody; }
    /// Puts the chosen place (or motion point) of the chosen step at a point, as a drag would
    /// (routine frame).
    void dropAt(Point at);
    /// Shows a step (from 0) with its first place chosen.
    void chooseStep(std::size_t step);
    /// Sets the chosen place (or motion point) to a placement copied in the explorer, as
    /// Ctrl+V does with the clipboard; says why not in the status when the text is none.
    bool pastePlacement(const std::string& text);
    /// The chosen motion point: its list, and which one; none when a place is chosen.
    std::optional<std::pair<PointList, std::size_t>> chosenPoint() const;

private:
    enum class Question { None, Leave, SaveWithWarnings };
    struct Row {
        FieldView view;
        bool stepField = false;
    };

    void refresh(bool everyBody);
    void arrange();
    bool arrange(float t);
    ScreenRequest save(bool confirmed);
    ScreenRequest leave();
    void startEntry();
    void commitEntry();
    ScreenRequest key(const sf::Event::KeyEvent& key);
    ScreenRequest textKey(const sf::Event::KeyEvent& key);
    ScreenRequest press(const std::string& button);
    std::vector<Row> rows() const;
    Point placeOf(std::size_t index) const;
    /// Where the chosen place or motion point is on this body.
    Point chosenAt() const;
    /// The chosen step's motion points on this body, in a list.
    std::vector<Point> pointsOf(PointList list) const;
    /// P: the next motion point (delta 1) or the one before; past either end, the place.
    void stepPoint(int delta);
    void startSetupLine();
    std::size_t fieldsFirst(std::size_t shown, std::size_t total) const;
    /// What the verdict shown judged: the chosen point where it stands, the step's motion
    /// (clear where it stands, not as it moves), or the point alone while the draft's errors
    /// keep its motion from being judged.
    enum class Judged { Here, Motion, HereOnly };
    /// The verdict shown for what is chosen: the point where it stands; when that is clear,
    /// the worst the step's motion brings its ball to (for a motion point, any of its balls).
    PlacementVerdict verdict(Judged* judged = nullptr) const;

    AppResources& m_app;
    SafetyCheck m_check;
    std::optional<RoutineDraft> m_draft;
    std::string m_file;
    std::string m_savePath;
    bool m_shipped = false;
    std::string m_openProblem;

    std::size_t m_step = 0;
    std::size_t m_place = 0;
    std::optional<PointList> m_points; // a motion point is chosen: which list; m_point in it
    std::size_t m_point = 0;
    std::size_t m_fieldsFirst = 0; // the first field row shown, when they do not all fit
    std::size_t m_row = 0;
    std::optional<TextEntry> m_entry; // the field being typed into
    std::string m_entryProblem;

    std::optional<Routine> m_routine; // the draft as the loader reads it on this body
    Diagnostics m_problems;
    // Per step and ball: the worst its motion comes to.
    std::vector<std::vector<PlacementVerdict>> m_motionVerdicts;
    std::string m_everyBody; // on which bodies it does not fit
    bool m_dragging = false;
    std::optional<Point> m_dragPoint;
    double m_time = 0;
    Question m_question = Question::None;
    std::string m_status;

    BodyDiagram m_diagram;
    sf::Vector2u m_size{1280, 720};
    std::vector<PlacedText> m_texts;
    std::vector<PlacedText> m_questionTexts;
    std::vector<std::pair<std::string, sf::FloatRect>> m_buttons;
    std::vector<std::pair<std::size_t, sf::FloatRect>> m_stepRows;
    std::vector<std::pair<std::size_t, sf::FloatRect>> m_fieldRows;
    sf::FloatRect m_verdictBox;
    sf::FloatRect m_questionBox;
    sf::FloatRect m_bodyArea;
    float m_edge = 4;
};

} // namespace rollcoach
