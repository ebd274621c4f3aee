#pragma once

// The boundary between rollcoach and its media player module, rollcoach-mpris.so, the only
// code that links sd-bus: what the player shows, and the session commands it hands back.

#include "core/SessionCommand.hpp"

#include <iosfwd>
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
    virtual std::vector<SessionCommand> take() = 0;
    virtual const std::string& name() const = 0;
};

/// The module's entry point. It connects to the session bus on the first show(); `err` gets
/// a one-line notice when there is none.
using OpenMediaPlayerBus = MediaPlayerBus* (*)(std::ostream& err);

constexpr const char* kOpenMediaPlayerBusSymbol = "rollcoach_open_media_player_bus";
constexpr const char* kMediaPlayerModuleName = "rollcoach-mpris.so";

} // namespace rollcoach
