#pragma once

#include "Controls.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// What a media player shows of a running session: desktop media widgets, headsets and
/// `playerctl` read it.
struct NowPlaying {
    enum class Status { Playing, Paused, Stopped };
    Status status = Status::Stopped;
    std::string title;  ///< the step (or the switch)
    std::string artist; ///< the routine
    std::string album;  ///< the side
    std::size_t segment = 0;
    double lengthS = 0;   ///< of the step
    double positionS = 0; ///< into the step; read when asked, never announced

    /// Equal in everything a listener is told of when it changes (not the position).
    bool sameAs(const NowPlaying& other) const {
        return status == other.status && title == other.title && artist == other.artist &&
               album == other.album && segment == other.segment && lengthS == other.lengthS;
    }
};

/// The media player on the bus, as the module rollcoach-mpris.so makes it: the only code that
/// links sd-bus (libsystemd and what it brings), loaded with the first session shown, so the
/// list and start-up never map it.
class MediaPlayerBus {
public:
    virtual ~MediaPlayerBus() = default;
    virtual void show(const std::optional<NowPlaying>& now) = 0;
    virtual bool answer() = 0;
    virtual std::vector<ControlInput> take() = 0;
    virtual const std::string& name() const = 0;
};

/// The module's entry point. It connects to the session bus on the first show(); `err` gets
/// a one-line notice when there is none.
using OpenMediaPlayerBus = MediaPlayerBus* (*)(std::ostream& err);

constexpr const char* kOpenMediaPlayerBusSymbol = "rollcoach_open_media_player_bus";
constexpr const char* kMediaPlayerModuleName = "rollcoach-mpris.so";

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
    std::vector<ControlInput> take() {
        return m_bus != nullptr ? m_bus->take() : std::vector<ControlInput>{};
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
