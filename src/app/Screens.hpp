#pragma once

#include "Drawing.hpp"
#include "Fonts.hpp"
#include "SessionLog.hpp"
#include "Speech.hpp"
#include "Tones.hpp"
#include "cli/CommandLine.hpp"
#include "core/BodyModel.hpp"
#include "core/DataPaths.hpp"
#include "core/SafetyCheck.hpp"
#include "core/SessionRunner.hpp"
#include "core/Timeline.hpp"

#include <SFML/Graphics.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// What the app has to draw and play with, owned once for the whole run.
struct AppResources {
    const BodyModel& body;
    DataPaths paths;
    Fonts& fonts;
    Tones& tones;
    Speech& speech;
    std::string userRoutinesDir;
    History* history = nullptr;              ///< null when history cannot be used
    std::string historyProblem;              ///< why, in that case
    std::string firstSideReason;             ///< for the setup screen
    const CommandContext* context = nullptr; ///< settings and time, for what is due today
};

/// What a screen asks of the app after an event or an update.
struct ScreenRequest {
    enum class Kind { None, Back, Quit, OpenRoutine, StartSession, Explore, Finished, Stopped };
    Kind kind = Kind::None;
    std::string file;
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual ScreenRequest handle(const sf::Event& event) = 0;
    virtual ScreenRequest update(double /*seconds*/) { return {}; }
    virtual void draw(sf::RenderTarget& target) = 0;
    /// True while the screen changes by itself; otherwise the app sleeps until an event.
    virtual bool animating() const { return false; }
    /// What the next frame would show, in brief; a frame whose key equals the last one's is
    /// not drawn again. "" means: always draw.
    virtual std::string frameKey(sf::Vector2u /*size*/) const { return {}; }
};

/// A routine file as the list shows it: loaded, or with its first error.
struct RoutineEntry {
    std::string file;
    bool shipped = true;
    std::optional<Routine> routine;
    std::string firstError;
    double totalS = 0;
};

/// Loads every shipped and user routine for the list; a broken one keeps its first error.
std::vector<RoutineEntry> listRoutines(const AppResources& app);

class ListScreen : public Screen {
public:
    explicit ListScreen(AppResources& app);
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) override;

private:
    AppResources& m_app;
    void reload();

    std::vector<RoutineEntry> m_entries;
    std::vector<std::string> m_dueToday; ///< "18:00  Wall drill - start on the left side: ..."
    std::size_t m_selected = 0;
    std::vector<sf::FloatRect> m_rows;
};

class SetupScreen : public Screen {
public:
    SetupScreen(AppResources& app, Routine routine, Side firstSide);
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) override;

private:
    AppResources& m_app;
    Routine m_routine;
    Side m_firstSide;
};

/// What a session screen shows at one moment, decided from the core's timeline and safety
/// check; drawing only reads it.
struct SessionPicture {
    Moment moment;
    std::vector<PlacementVerdict> verdicts; ///< one per ball, steps only
    Closeness spine = Closeness::Safe;
    Closeness neck = Closeness::Safe;
    std::string warning; ///< headline of the worst verdict, "" if safe
    Closeness worst = Closeness::Safe;
    std::vector<std::vector<Point>> trails; ///< per ball, recent positions (absolute)
    std::vector<Point> guide;               ///< one period of the first ball's motion
    bool paused = false;
    std::optional<CheckIn> checkIn; ///< the tension prompt showing, if any
};

/// The tension prompt due at a moment: before a side (early in its first step) and after it
/// (during the switch that follows). The last side's "after" is asked on the end screen.
std::optional<CheckIn> checkInDue(const Timeline& timeline, const Moment& moment);

/// A rating from a key: 0-9, and T for ten.
std::optional<int> ratingForKey(sf::Keyboard::Key key);

class SessionScreen : public Screen {
public:
    /// `log` (may be null) receives the session's progress as it goes.
    SessionScreen(AppResources& app, Routine routine, Side firstSide, SessionLog* log = nullptr);
    ScreenRequest handle(const sf::Event& event) override;
    ScreenRequest update(double seconds) override;
    void draw(sf::RenderTarget& target) override;
    bool animating() const override { return !m_runner.paused() && !m_runner.finished(); }
    std::string frameKey(sf::Vector2u size) const override;
    void togglePause() { m_runner.togglePause(); }

    /// Moves to a moment without cues: for renders and tests.
    void seek(double seconds);
    const SessionRunner& runner() const { return m_runner; }
    SessionPicture picture() const;
    /// Where the body is drawn for a target of this size.
    static sf::FloatRect bodyArea(sf::Vector2f size);
    const BodyDiagram& diagram() const { return m_diagram; }

    /// Ends the session now for sharp pain, numbness or tingling.
    ScreenRequest stopForSafety();

private:
    void play(const std::vector<Cue>& cues);
    void noteProgress();

    AppResources& m_app;
    SessionLog* m_log;
    std::size_t m_lastSegment = 0;
    std::vector<std::string> m_checked; // prompts already answered
    std::unique_ptr<Routine> m_routine; // the timeline points into it
    Timeline m_timeline;
    SessionRunner m_runner;
    SafetyCheck m_check;
    BodyDiagram m_diagram;
    // Bold for what must be read from across the room, regular for the rest.
    Label m_side{m_app.fonts.bold}, m_stepName{m_app.fonts.bold}, m_stepTime{m_app.fonts.bold},
        m_warning{m_app.fonts.bold}, m_paused{m_app.fonts.bold};
    Label m_progress{m_app.fonts.regular}, m_cue{m_app.fonts.regular},
        m_stepTimeCaption{m_app.fonts.regular}, m_sessionLine{m_app.fonts.regular},
        m_stop{m_app.fonts.regular}, m_keys{m_app.fonts.regular}, m_prompt{m_app.fonts.regular};
};

/// What the end screen reports.
struct SessionSummary {
    std::string title;
    double leftS = 0;
    double rightS = 0;
    double plannedS = 0; ///< per side
    bool stoppedForSafety = false;
    Side lastSide = Side::Right;
    int rounds = 1;
};

class EndScreen : public Screen {
public:
    EndScreen(AppResources& app, SessionSummary summary, SessionLog* log);
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) override;

private:
    void drawChart(sf::RenderTarget& target, sf::FloatRect area);

    AppResources& m_app;
    SessionSummary m_summary;
    SessionLog* m_log;
    bool m_asked = false;
    std::vector<SessionRecord> m_recent;
};

class ExploreScreen : public Screen {
public:
    explicit ExploreScreen(AppResources& app);
    ScreenRequest handle(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) override;

    /// Puts the ball at a point (absolute frame), as a drag would.
    void placeBall(Point at) { m_ball = at; }
    PlacementVerdict verdict() const;

private:
    AppResources& m_app;
    SafetyCheck m_check;
    BodyDiagram m_diagram;
    Point m_ball{7.5, 9};
    std::size_t m_ballKind = 0;
    bool m_dragging = false;
};

/// Draws a heading, wrapped lines and a footer in the app's style.
void drawText(sf::RenderTarget& target, const sf::Font& font, const std::string& text,
              unsigned size, sf::Color color, sf::Vector2f at, float wrapWidth = 0);

} // namespace rollcoach
