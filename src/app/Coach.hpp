#pragma once

#include "Controls.hpp"
#include "MediaPlayer.hpp"
#include "screens/Screen.hpp"
#include "window/WindowRequest.hpp"

#include <future>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

class SessionScreen;
class SetupScreen;

/// The screens of one window, as a stack, so Esc goes back to where the person came from;
/// it owns the session while its screens show.
class Coach {
public:
    /// `given` is the routine named on the command line, already loaded.
    Coach(AppResources& app, const WindowRequest& request, const std::optional<RoutineEntry>& given,
          std::ostream& err);
    ~Coach();
    Coach(const Coach&) = delete;
    Coach& operator=(const Coach&) = delete;

    /// The first screen for the request; false when it cannot be shown.
    bool start(sf::Vector2u size);
    /// The screen on top, laid out for the window's size.
    Screen* current();
    /// True while the screen on top takes typed text.
    bool typing() const { return !m_screens.empty() && m_screens.back()->typing(); }
    /// The window is being closed: true when the screen on top asks about unsaved work first.
    bool askBeforeClosing() { return !m_screens.empty() && m_screens.back()->askBeforeClosing(); }
    /// The session running or just ended (null when none).
    Session* session() { return m_session.get(); }

    /// Shows or closes the help for F1, H or ?, over any screen (a session under it is
    /// paused); true when the event was the help's. With the help shown, X closes it and
    /// goes on to the screen under it, so the pain stop is never lost.
    bool help(const sf::Event& event);
    /// Closes the help if it shows (before a control from outside the window).
    void closeHelp();
    /// Carries out what a screen asked; false when the app should close.
    bool follow(const ScreenRequest& request);
    /// The window's new size: each screen lays out again for it when it is next shown.
    void resize(sf::Vector2u size) { m_size = size; }
    /// Hands a command from outside the window (a media key, a spoken word) to the session
    /// on screen, if one shows; false when the app should close.
    bool control(const SessionCommand& command);
    /// What the session on screen is playing; nullopt when none shows.
    std::optional<NowPlaying> nowPlaying();
    /// Ends a session still going, as a Stop does, for a reason from outside the window.
    void endSession(const std::string& reason);
    /// A quick try at writing what a busy history could not take; true when that changed
    /// what the screen says (its layout is redone). A history that could not be opened at
    /// all (another program held it locked, a full disk) is tried again every few calls, on a
    /// thread of its own: once it opens, every screen uses it, and the session going writes
    /// all it kept to it.
    bool retryHistory();
    /// Waits for a history being opened again, and uses it if it opened (tests).
    void waitForHistory();
    /// Before the window goes: ends a session still going ("window closed"), and writes what
    /// waits for the history, waiting for it this once. False, after saying so, when some of
    /// the session could not be saved.
    bool finish();
    /// True while the routine named on the command line does not fit the person's body: the
    /// app then closes with an error status.
    bool givenDoesNotFit() const { return m_givenDoesNotFit; }

private:
    void push(std::unique_ptr<Screen> screen);
    SessionScreen* sessionScreen();
    /// Shows the setup screen of a routine file; null (after saying why) when it cannot load.
    SetupScreen* open(const std::string& file);
    /// The screen for a routine file on the person's body: its setup screen, or the one that
    /// says it does not fit; null (after saying why) when it cannot be loaded at all.
    std::unique_ptr<Screen> screenFor(const std::string& file);
    /// After a new body: every screen shows it, a routine's screens reload it for it.
    void useNewBody();
    void startSession(SessionStart start, SessionOptions options);
    /// Lets the session go; false, after saying so, when some of it could not be saved.
    bool dropSession();

    AppResources& m_app;
    const WindowRequest& m_request;
    const std::optional<RoutineEntry>& m_given;
    std::ostream& m_err;
    sf::Vector2u m_size;
    bool m_givenCurrent = true; // m_given was loaded for the body in use
    bool m_givenDoesNotFit = false;
    /// Whether the history could not be opened and is tried again (not a render's window,
    /// which has none on purpose).
    bool historyAwaited() const;
    /// Starts opening the history again, on a thread of its own.
    void reopen();
    /// Takes the history opened again, if it opened; true when it did.
    bool useReopened();
    // A history opened again after the start, and its opening under way. Declared before the
    // session, which writes to it until it goes.
    struct Reopened {
        std::unique_ptr<History> history;
        std::string notice; ///< what was done to a bad file, if anything
    };
    std::unique_ptr<History> m_reopened;
    std::future<Reopened> m_reopening;
    int m_retries = 0;
    // Sessions no longer on screen with records not yet written (their history could not be
    // opened, or was busy): kept until all of theirs is written, or the window closes.
    std::vector<std::unique_ptr<Session>> m_unsaved;
    bool m_closing = false;
    std::unique_ptr<Session> m_session; // declared before the screens that point into it
    std::vector<std::unique_ptr<Screen>> m_screens;
    bool m_helpKeyDown = false; // the key that closed the help may type a "?" next
};

} // namespace rollcoach
