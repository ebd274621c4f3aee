#pragma once

#include "Controls.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sd_bus;
struct sd_bus_slot;

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
    bool sameAs(const NowPlaying& other) const;
};

/// rollcoach as an MPRIS media player on the session D-Bus, while a session shows, so media
/// keys, headset buttons and `playerctl` drive it: play/pause, next, previous, stop.
///
/// It never blocks the window: each tick the loop asks it to answer what has arrived (a
/// non-blocking read), takes the controls asked for and hands it what the session shows now.
/// Everything happens on the thread of the window, which owns the session.
class MediaPlayer {
public:
    /// Connects on the first show(); `err` gets a one-line notice when there is no session bus.
    explicit MediaPlayer(std::ostream& err);
    ~MediaPlayer();
    MediaPlayer(const MediaPlayer&) = delete;
    MediaPlayer& operator=(const MediaPlayer&) = delete;

    /// What the session shows now; nullopt when no session shows: the player's name is then
    /// given up, so media keys go back to whatever other player there is.
    void show(const std::optional<NowPlaying>& now);
    /// Answers the messages waiting, without waiting for more; true when a control is waiting
    /// to be taken.
    bool answer();
    /// The controls asked for since the last call, oldest first.
    std::vector<ControlInput> take();

    /// The bus name held, "" when none (no session shows, or no bus).
    const std::string& name() const { return m_name; }

    // Called from the bus's callbacks.
    void asked(Control control);
    const NowPlaying& now() const { return m_now; }
    void named(bool ok);

private:
    bool connect();
    void drop(const std::string& why);
    void registerObject();
    void release();

    std::ostream& m_err;
    sd_bus* m_bus = nullptr;
    bool m_tried = false; // connecting is tried once: no bus at the start means none for good
    bool m_showing = false;
    sd_bus_slot* m_rootSlot = nullptr;
    sd_bus_slot* m_playerSlot = nullptr;
    sd_bus_slot* m_nameSlot = nullptr;
    std::string m_name;   // the name held, once the bus said so
    std::string m_wanted; // the name asked for
    NowPlaying m_now;
    std::vector<ControlInput> m_asked;
};

} // namespace rollcoach
