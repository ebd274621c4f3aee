#pragma once

#include "Screen.hpp"
#include "app/Widgets.hpp"
#include "core/Progress.hpp"

#include <future>
#include <string>
#include <vector>

namespace rollcoach {

/// A button drawn as a panel with its label: every key of a screen can also be clicked.
struct ScreenButton {
    std::string name; ///< as the layout's boxes name it
    sf::FloatRect box;
};

/// Tension over time, per routine: for each side the rating before and after each session by
/// date on a 0-10 scale, the change per side, and the drops of 2 points or more marked as
/// changes that matter. With no ratings to show it says so, in words.
///
/// The history is read on a thread of its own, over a connection of its own: years of daily
/// sessions take a moment to read, and the window answers meanwhile, saying it is reading.
class ProgressScreen : public Screen {
public:
    /// `routine`: the routine shown first, by its key (Routine::key) or a title it was shown
    /// with; "" (or one never rated) for the last used.
    ProgressScreen(AppResources& app, const std::string& routine = {});
    ~ProgressScreen() override;
    void layout(sf::Vector2u size) override;
    ScreenRequest handle(const sf::Event& event) override;
    ScreenRequest update(double seconds) override;
    void draw(sf::RenderTarget& target) const override;
    void shown() override;
    /// While the history is being read: the loop then calls update(), which shows it once read.
    bool animating() const override { return reading(); }

    /// Whether the history is still being read.
    bool reading() const { return m_reading.valid(); }
    /// Waits for the history to be read and shows it (a picture of the screen, tests).
    void waitForHistory();

    /// A routine with sessions: one in every language (its key), by its latest title.
    struct RoutineSeen {
        std::string key;
        std::string title;
    };
    /// The routines with sessions, the last used first, and the title of the one shown.
    const std::vector<RoutineSeen>& routines() const { return m_routines; }
    std::string routineShown() const;
    const Progress& progress() const { return m_progress; }
    /// What the screen shows, as a few sentences: spoken when it opens and on another routine.
    const std::string& summary() const { return m_summary; }
    /// Every text on screen, for tests.
    std::vector<std::string> textsShown() const;

private:
    /// What the reading thread hands back.
    struct HistoryRead {
        std::vector<SessionRecord> sessions;
        std::string problem;
    };
    /// Starts reading the history, to show `title` (or the routine used last) once read.
    void reload(const std::string& routine, bool speak);
    /// The key of the routine shown ("" for none).
    std::string routineKeyShown() const;
    /// Takes what was read and shows it.
    void showRead(HistoryRead read);
    void choose(std::size_t index, bool speak);
    bool arrange(sf::Vector2u size, float t);
    bool arrangeSide(const SideProgress& side, sf::FloatRect panel, float u, float k,
                     sf::VertexArray& shapes, std::vector<PlacedText>& texts);

    AppResources& m_app;
    std::vector<SessionRecord> m_sessions;
    std::vector<RoutineSeen> m_routines; // the last used first
    std::size_t m_index = 0;
    Progress m_progress;
    std::string m_message; // instead of the charts, when there is nothing to chart
    std::string m_summary;
    std::string m_readProblem;
    std::future<HistoryRead> m_reading;
    std::string m_wanted; ///< the routine to show once the history is read
    bool m_speakWhenRead = false;
    sf::Vector2u m_size{1280, 720};
    // From layout.
    std::vector<PlacedText> m_texts;
    std::vector<ScreenButton> m_buttons;
    std::vector<sf::FloatRect> m_panels;
    sf::VertexArray m_shapes{sf::Triangles};
    float m_edge = 3;
};

/// "23 Nov": a day as the chart's axis names it.
std::string shortDate(const Date& day);

} // namespace rollcoach
