#pragma once

#include "modules/MediaPlayerModule.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// rollcoach as an MPRIS media player on the session D-Bus, while a session shows, so media
/// keys, headset buttons and `playerctl` drive it: play/pause, next, previous, stop.
///
/// It never blocks the window: each tick the loop asks it to answer what has arrived (a
/// non-blocking read), takes the controls asked for and hands it what the session shows now.
/// Everything happens on the thread of the window, which owns the session.
class MediaPlayer {
public:
    /// The bus code comes from the first of `modules` (rollcoach-mpris.so) that loads, when a
    /// session is first shown; `err` gets a one-line notice when it cannot be loaded.
    MediaPlayer(std::ostream& err, std::vector<std::string> modules);
    ~MediaPlayer();
    MediaPlayer(const MediaPlayer&) = delete;
    MediaPlayer& operator=(const MediaPlayer&) = delete;

    /// What the session shows now; nullopt when no session shows: the player's name is then
    /// given up, so media keys go back to whatever other player there is.
    void show(const std::optional<NowPlaying>& now);
    /// Answers the messages waiting, without waiting for more; true when a control is waiting
    /// to be taken.
    bool answer() { return m_bus != nullptr && m_bus->answer(); }
    /// The controls asked for since the last call, oldest first.
    std::vector<SessionCommand> take() {
        return m_bus != nullptr ? m_bus->take() : std::vector<SessionCommand>{};
    }

    /// The bus name held, "" when none (no session shows, or no bus).
    const std::string& name() const;

private:
    std::ostream& m_err;
    std::vector<std::string> m_modules;
    bool m_tried = false; // loading is tried once
    std::unique_ptr<MediaPlayerBus> m_bus;
};

} // namespace rollcoach
