#pragma once

#include "app/Fonts.hpp"
#include "app/Speech.hpp"
#include "app/Tones.hpp"
#include "app/Widgets.hpp"
#include "core/BodyModel.hpp"
#include "core/History.hpp"
#include "core/Posture.hpp"
#include "core/Session.hpp"
#include "core/Workspace.hpp"

#include <SFML/Graphics.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// What the screens have to draw and play with, owned once for the whole run.
struct AppResources {
    /// The person's body: replaced in place when they set theirs on the body screen, so every
    /// screen and session that holds it sees the new one.
    BodyModel& body;
    Workspace& workspace; ///< paths, settings and the program's clock
    Fonts& fonts;
    Tones& tones;
    Speech& speech;
    History* history = nullptr; ///< null when history cannot be used
    std::string historyProblem; ///< why, in that case
    std::string speechProblem;  ///< speech is on but cannot be heard, and what to do ("" if fine)
    const Postures* postures = nullptr; ///< each drill's posture picture; none: not drawn
};

/// The sessions a side choice or the day's plan needs; `read` false when the history could
/// not be read. A window without a history and without a problem (a render, which leaves the
/// history alone on purpose) has read what there is: nothing.
std::vector<SessionRecord> recentSessions(const AppResources& app, bool& read);

/// A session about to start: what the setup screen hands on when the person is ready.
struct SessionStart {
    Routine routine;
    RoutineSource source;
    Side firstSide = Side::Left;
};

/// What a screen asks of the app after an event or an update.
struct ScreenRequest {
    enum class Kind {
        None,
        Back,
        Quit,
        OpenRoutine,
        StartSession,
        Explore,
        SessionOver,
        Progress,
        Body,        ///< the body screen, showing the routine `file` on the body (may be "")
        BodyChanged, ///< the body screen saved a new body: use it from now on
        Edit         ///< the editor, on the routine `file` ("" for a new one)
    };
    Kind kind = Kind::None;
    std::string file;                  ///< OpenRoutine, Body; Progress: the routine's title
    std::optional<SessionStart> start; ///< StartSession
};

/// What the next frame of a screen would show, in brief, so that a frame is drawn only where
/// it changed.
struct FrameKey {
    /// The whole frame: one whose key equals the last drawn one's is not drawn again. ""
    /// means: always drawn.
    std::string key;
    /// All but what moves. When it equals the last drawn frame's, what changed lies in
    /// `moving` and in the last frame's `moving`: only there need the frame be drawn again.
    std::string still;
    /// Where what moves is drawn in this frame, in the window's pixels; empty when the frame
    /// is always drawn whole.
    std::vector<sf::FloatRect> moving;
};

/// One screen of the window. The loop lays it out once per window size, hands it events and
/// time, and asks it to draw; drawing reads what the screen holds and changes nothing.
class Screen {
public:
    virtual ~Screen() = default;
    /// Places everything for a window of this size; called before the first draw and after
    /// every resize.
    virtual void layout(sf::Vector2u size) = 0;
    virtual ScreenRequest handle(const sf::Event& event) = 0;
    virtual ScreenRequest update(double /*seconds*/) { return {}; }
    virtual void draw(sf::RenderTarget& target) const = 0;
    /// The screen is on top again after the one above it went: what it shows may be stale.
    virtual void shown() {}
    /// True while the screen changes by itself; otherwise the app sleeps until an event.
    virtual bool animating() const { return false; }
    /// True while text is being typed: keys that mean something everywhere (F, H, ?) are
    /// then letters.
    virtual bool typing() const { return false; }
    /// The window is being closed: a screen holding unsaved work asks about it and returns
    /// true (the window stays); false lets it close.
    virtual bool askBeforeClosing() { return false; }
    /// What the next frame would show, in brief (see FrameKey). By default: always drawn,
    /// and drawn whole.
    virtual FrameKey frameKey(sf::Vector2u /*size*/) const { return {}; }
    /// Where the last layout put each element.
    const Boxes& boxes() const { return m_boxes; }
    /// Lays out for `size` unless it was for that size already: a screen lays out when it
    /// is to be shown, so one passed over (the setup screen of a session started at once)
    /// or under another never measures its texts.
    void layoutFor(sf::Vector2u size) {
        if (!m_laidOutFor || *m_laidOutFor != size) {
            layout(size);
            m_laidOutFor = size;
        }
    }

protected:
    /// Lays out with `arrange(t)` from the roomiest (t = 1) to the tightest (t = -0.5), in
    /// eighths, and keeps the first that fits; in a window too small for everything, the
    /// tightest, crowded rather than empty.
    template <typename Arrange> void shrinkToFit(Arrange arrange) {
        for (float t = 1.f; t >= -0.5f; t -= 0.125f) {
            if (arrange(t)) {
                return;
            }
        }
        m_lenient = true;
        arrange(-0.5f);
        m_lenient = false;
    }

    Boxes m_boxes;
    bool m_lenient = false; ///< laying out for a window too small for everything

private:
    std::optional<sf::Vector2u> m_laidOutFor;
};

/// A rating from a key: 0-9, and T for ten.
std::optional<int> ratingForKey(sf::Keyboard::Key key);

/// Mutes or unmutes sounds and speech together.
void toggleMute(AppResources& app);

} // namespace rollcoach
