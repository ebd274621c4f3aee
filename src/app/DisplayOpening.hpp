#pragma once

#include "DisplayCheck.hpp"

#include <SFML/Graphics/RenderWindow.hpp>

#include <future>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

namespace rollcoach {

/// The display looked at, and for a window SFML's OpenGL made ready, on a thread of its own,
/// while the body and the routine are read: loading the OpenGL driver and making SFML's shared
/// context is most of opening a window (tens of milliseconds), and needs nothing of the files.
///
/// The window itself is made by the caller, after the files have been read: a broken file is
/// told without a window showing, and before anything about the display. When a file is
/// broken, finishOrEnd() lets the thread finish, or ends the program if the display does not
/// answer: the error has been told, and it is not held back by the display.
class DisplayOpening {
public:
    /// Starts at once. With `prepareWindow`, an sf::RenderWindow is made (not yet opened) when
    /// the display offers OpenGL, which makes SFML's shared context. Call while the program
    /// has no other thread that changes the environment.
    explicit DisplayOpening(bool prepareWindow);
    /// Waits for the thread; while an exception unwinds, two seconds at most, then lets it be
    /// (a display that does not answer holds no driver code, and the error is on its way out).
    ~DisplayOpening();
    DisplayOpening(const DisplayOpening&) = delete;
    DisplayOpening& operator=(const DisplayOpening&) = delete;

    /// The display check, once done. Rethrows what the thread threw.
    DisplayCheck& check();
    /// The window to open, once made; empty when the display cannot draw, OpenGL could not be
    /// made ready on it, or none was asked for. Rethrows what the thread threw.
    std::optional<sf::RenderWindow>& window();
    /// For a program about to end without a window: waits two seconds at most for the thread
    /// (a display answers in milliseconds), else flushes `out` and `err` and ends the program
    /// with `status` at once. Nothing else may be running then: the driver's code is still in
    /// use on the thread, and unloading it under the thread, as an ordinary end would, can
    /// crash.
    void finishOrEnd(std::ostream& out, std::ostream& err, int status);

private:
    // Shared with the thread, which may outlive this object when abandoned.
    struct State {
        std::optional<DisplayCheck> check;
        std::optional<sf::RenderWindow> window;
        std::promise<void> checked;
        std::promise<void> prepared;
    };
    std::shared_ptr<State> m_state;
    std::shared_future<void> m_checked;
    std::shared_future<void> m_prepared;
    std::thread m_thread;
};

} // namespace rollcoach
