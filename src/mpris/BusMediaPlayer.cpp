// rollcoach as an MPRIS media player through sd-bus: the module rollcoach-mpris.so, the only
// code that links libsystemd, loaded by the window with the first session it shows.

#include "core/Translate.hpp"
#include "modules/MediaPlayerModule.hpp"

#include <systemd/sd-bus.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <type_traits>
#include <unistd.h>

namespace rollcoach {
namespace {

class BusMediaPlayer : public MediaPlayerBus {
public:
    explicit BusMediaPlayer(std::ostream& err) : m_err(err) {}
    ~BusMediaPlayer() override;
    BusMediaPlayer(const BusMediaPlayer&) = delete;
    BusMediaPlayer& operator=(const BusMediaPlayer&) = delete;

    void show(const std::optional<NowPlaying>& now) override;
    bool answer() override;
    std::vector<SessionCommand> take() override;
    const std::string& name() const override { return m_name; }

    // Called from the bus's callbacks.
    void asked(SessionCommand::Kind kind);
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
    std::vector<SessionCommand> m_asked;
};

constexpr const char* kPath = "/org/mpris/MediaPlayer2";
constexpr const char* kRootInterface = "org.mpris.MediaPlayer2";
constexpr const char* kPlayerInterface = "org.mpris.MediaPlayer2.Player";
constexpr const char* kName = "org.mpris.MediaPlayer2.rollcoach";
// Translated where it is said.
constexpr const char* kNoBus = N_("no D-Bus session bus: media keys will not control the session");
// A bus that does not answer must not hold up the window for long.
constexpr std::uint64_t kCallTimeoutUs = 2'000'000;

BusMediaPlayer& self(void* userdata) {
    return *static_cast<BusMediaPlayer*>(userdata);
}

std::int64_t microseconds(double seconds) {
    return static_cast<std::int64_t>(seconds * 1e6);
}

const char* statusName(NowPlaying::Status status) {
    switch (status) {
    case NowPlaying::Status::Playing:
        return "Playing";
    case NowPlaying::Status::Paused:
        return "Paused";
    case NowPlaying::Status::Stopped:
        break;
    }
    return "Stopped";
}

// --- org.mpris.MediaPlayer2 ---

int noOp(sd_bus_message* message, void*, sd_bus_error*) {
    return sd_bus_reply_method_return(message, "");
}

int rootProperty(sd_bus*, const char*, const char*, const char* property, sd_bus_message* reply,
                 void*, sd_bus_error*) {
    const std::string name = property;
    if (name == "Identity" || name == "DesktopEntry") {
        return sd_bus_message_append(reply, "s", "rollcoach");
    }
    if (name == "SupportedUriSchemes" || name == "SupportedMimeTypes") {
        return sd_bus_message_append(reply, "as", 0);
    }
    return sd_bus_message_append(reply, "b", 0); // CanQuit, CanRaise, HasTrackList
}

const sd_bus_vtable kRootVtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Raise", "", "", noOp, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Quit", "", "", noOp, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_PROPERTY("CanQuit", "b", rootProperty, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("CanRaise", "b", rootProperty, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("HasTrackList", "b", rootProperty, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("Identity", "s", rootProperty, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("DesktopEntry", "s", rootProperty, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("SupportedUriSchemes", "as", rootProperty, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("SupportedMimeTypes", "as", rootProperty, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_VTABLE_END};

// --- org.mpris.MediaPlayer2.Player ---

// Each method is a control for the window's loop to carry out; the caller is answered at
// once, before the control is carried out.
template <SessionCommand::Kind kind>
int ask(sd_bus_message* message, void* userdata, sd_bus_error*) {
    self(userdata).asked(kind);
    return sd_bus_reply_method_return(message, "");
}

int openUri(sd_bus_message*, void*, sd_bus_error* error) {
    return sd_bus_error_set(error, SD_BUS_ERROR_NOT_SUPPORTED, _("rollcoach plays no media files"));
}

// A dictionary entry of Metadata: {key, variant of one value}.
template <typename... Values>
int appendEntry(sd_bus_message* reply, const char* key, const char* type, Values... values) {
    int r = sd_bus_message_open_container(reply, 'e', "sv");
    if (r >= 0) {
        r = sd_bus_message_append(reply, "s", key);
    }
    if (r >= 0) {
        r = sd_bus_message_open_container(reply, 'v', type);
    }
    if (r >= 0) {
        r = sd_bus_message_append(reply, type, values...);
    }
    if (r >= 0) {
        r = sd_bus_message_close_container(reply);
    }
    if (r >= 0) {
        r = sd_bus_message_close_container(reply);
    }
    return r;
}

int appendMetadata(sd_bus_message* reply, const NowPlaying& now) {
    // The track id is an object path of the player's own, one per segment of the session.
    const std::string track = "/org/rollcoach/segment/" + std::to_string(now.segment);
    int r = sd_bus_message_open_container(reply, 'a', "{sv}");
    if (r >= 0) {
        r = appendEntry(reply, "mpris:trackid", "o", track.c_str());
    }
    if (r >= 0) {
        r = appendEntry(reply, "mpris:length", "x", microseconds(now.lengthS));
    }
    if (r >= 0) {
        r = appendEntry(reply, "xesam:title", "s", now.title.c_str());
    }
    if (r >= 0) {
        r = appendEntry(reply, "xesam:artist", "as", 1, now.artist.c_str());
    }
    if (r >= 0) {
        r = appendEntry(reply, "xesam:album", "s", now.album.c_str());
    }
    if (r >= 0) {
        r = sd_bus_message_close_container(reply);
    }
    return r;
}

int playerProperty(sd_bus*, const char*, const char*, const char* property, sd_bus_message* reply,
                   void* userdata, sd_bus_error*) {
    const NowPlaying& now = self(userdata).now();
    const std::string name = property;
    if (name == "PlaybackStatus") {
        return sd_bus_message_append(reply, "s", statusName(now.status));
    }
    if (name == "Metadata") {
        return appendMetadata(reply, now);
    }
    if (name == "Position") {
        return sd_bus_message_append(reply, "x", microseconds(now.positionS));
    }
    if (name == "Rate" || name == "MinimumRate" || name == "MaximumRate" || name == "Volume") {
        return sd_bus_message_append(reply, "d", 1.0);
    }
    // CanSeek is the only no: the session's clock is moved by steps, not seeked.
    return sd_bus_message_append(reply, "b", name != "CanSeek");
}

constexpr std::uint64_t kChanges = SD_BUS_VTABLE_PROPERTY_EMITS_CHANGE;
constexpr std::uint64_t kConst = SD_BUS_VTABLE_PROPERTY_CONST;

const sd_bus_vtable kPlayerVtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Next", "", "", ask<SessionCommand::Kind::Next>, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Previous", "", "", ask<SessionCommand::Kind::Back>, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Pause", "", "", ask<SessionCommand::Kind::Pause>, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("PlayPause", "", "", ask<SessionCommand::Kind::TogglePause>,
                  SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Stop", "", "", ask<SessionCommand::Kind::LeaveNow>, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Play", "", "", ask<SessionCommand::Kind::Resume>, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("Seek", "x", "", noOp, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("SetPosition", "ox", "", noOp, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("OpenUri", "s", "", openUri, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_SIGNAL("Seeked", "x", 0),
    SD_BUS_PROPERTY("PlaybackStatus", "s", playerProperty, 0, kChanges),
    SD_BUS_PROPERTY("Rate", "d", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("Metadata", "a{sv}", playerProperty, 0, kChanges),
    SD_BUS_PROPERTY("Volume", "d", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("Position", "x", playerProperty, 0, 0),
    SD_BUS_PROPERTY("MinimumRate", "d", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("MaximumRate", "d", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("CanGoNext", "b", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("CanGoPrevious", "b", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("CanPlay", "b", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("CanPause", "b", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("CanSeek", "b", playerProperty, 0, kConst),
    SD_BUS_PROPERTY("CanControl", "b", playerProperty, 0, kConst),
    SD_BUS_VTABLE_END};

// The answer to RequestName: 1 is ours, 3 taken by another (a second rollcoach).
int nameAnswer(sd_bus_message* reply, void* userdata, sd_bus_error*) {
    std::uint32_t result = 0;
    const bool ok = !sd_bus_message_is_method_error(reply, nullptr) &&
                    sd_bus_message_read(reply, "u", &result) >= 0 && (result == 1 || result == 4);
    self(userdata).named(ok);
    return 0;
}

BusMediaPlayer::~BusMediaPlayer() {
    // Closing the connection gives up the name; nothing waits for the bus.
    sd_bus_slot_unref(m_nameSlot);
    sd_bus_slot_unref(m_playerSlot);
    sd_bus_slot_unref(m_rootSlot);
    sd_bus_close_unref(m_bus);
}

bool BusMediaPlayer::connect() {
    m_tried = true;
    const int r = sd_bus_open_user(&m_bus);
    if (r < 0) {
        m_bus = nullptr;
        m_err << "rollcoach: notice: " << _(kNoBus) << "\n";
        return false;
    }
    sd_bus_set_method_call_timeout(m_bus, kCallTimeoutUs);
    return true;
}

void BusMediaPlayer::drop(const std::string& why) {
    m_err << why;
    sd_bus_slot_unref(m_nameSlot);
    sd_bus_slot_unref(m_playerSlot);
    sd_bus_slot_unref(m_rootSlot);
    m_nameSlot = m_playerSlot = m_rootSlot = nullptr;
    sd_bus_close_unref(m_bus);
    m_bus = nullptr;
    m_showing = false;
    m_name.clear();
    m_wanted.clear();
}

void BusMediaPlayer::registerObject() {
    int r = sd_bus_add_object_vtable(m_bus, &m_rootSlot, kPath, kRootInterface, kRootVtable, this);
    if (r >= 0) {
        r = sd_bus_add_object_vtable(m_bus, &m_playerSlot, kPath, kPlayerInterface, kPlayerVtable,
                                     this);
    }
    if (r >= 0) {
        m_wanted = kName;
        r = sd_bus_request_name_async(m_bus, &m_nameSlot, m_wanted.c_str(), 0, nameAnswer, this);
    }
    if (r < 0) {
        drop("rollcoach: notice: " +
             rollcoach::fillIn(_("media keys will not control the session: {0}"),
                               std::strerror(-r)) +
             "\n");
    }
}

void BusMediaPlayer::named(bool ok) {
    sd_bus_slot_unref(m_nameSlot);
    m_nameSlot = nullptr;
    if (!m_showing) {
        return; // the session ended while the bus was answering: release() gave it up
    }
    if (ok) {
        m_name = m_wanted;
        return;
    }
    if (m_wanted == kName) {
        // Another rollcoach holds the name: MPRIS names a second instance of a player so.
        m_wanted = std::string(kName) + ".instance" + std::to_string(getpid());
        if (sd_bus_request_name_async(m_bus, &m_nameSlot, m_wanted.c_str(), 0, nameAnswer, this) >=
            0) {
            return;
        }
    }
    m_err << "rollcoach: notice: "
          << rollcoach::fillIn(
                 _("the D-Bus name {0} is taken: media keys will not control the session"),
                 m_wanted)
          << "\n";
    m_wanted.clear();
}

void BusMediaPlayer::release() {
    if (!m_wanted.empty()) {
        // The answer does not matter: the name is ours no more either way.
        sd_bus_release_name_async(m_bus, nullptr, m_wanted.c_str(), nullptr, nullptr);
    }
    sd_bus_slot_unref(m_nameSlot);
    sd_bus_slot_unref(m_playerSlot);
    sd_bus_slot_unref(m_rootSlot);
    m_nameSlot = m_playerSlot = m_rootSlot = nullptr;
    m_name.clear();
    m_wanted.clear();
    m_showing = false;
}

void BusMediaPlayer::show(const std::optional<NowPlaying>& now) {
    if (!now) {
        if (m_showing && m_bus) {
            m_now.status = NowPlaying::Status::Stopped;
            sd_bus_emit_properties_changed(m_bus, kPath, kPlayerInterface, "PlaybackStatus",
                                           nullptr);
            release();
        }
        return;
    }
    if (!m_bus && (m_tried || !connect())) {
        return;
    }
    if (!m_showing) {
        m_now = *now;
        m_showing = true;
        registerObject();
        return;
    }
    if (m_now.sameAs(*now)) {
        m_now.positionS = now->positionS;
        return;
    }
    m_now = *now;
    sd_bus_emit_properties_changed(m_bus, kPath, kPlayerInterface, "PlaybackStatus", "Metadata",
                                   nullptr);
}

bool BusMediaPlayer::answer() {
    // One message at a time while none asks for a control: a control is carried out before
    // the next message is read, so a status read just after a play-pause sees its effect.
    while (m_bus && m_asked.empty()) {
        const int r = sd_bus_process(m_bus, nullptr);
        if (r < 0) {
            // A bus that took the connection but never answered is no bus either.
            drop(m_name.empty() ? "rollcoach: notice: " + std::string(_(kNoBus)) + "\n"
                                : "rollcoach: notice: " +
                                      rollcoach::fillIn(
                                          _("the D-Bus session bus is gone ({0}): media keys will "
                                            "not control the session"),
                                          std::strerror(-r)) +
                                      "\n");
            break;
        }
        if (r == 0) {
            break;
        }
    }
    return !m_asked.empty();
}

void BusMediaPlayer::asked(SessionCommand::Kind kind) {
    m_asked.push_back(SessionCommand::of(kind));
}

std::vector<SessionCommand> BusMediaPlayer::take() {
    std::vector<SessionCommand> asked;
    asked.swap(m_asked);
    return asked;
}

} // namespace
} // namespace rollcoach

extern "C" rollcoach::MediaPlayerBus* rollcoach_open_media_player_bus(std::ostream& err) {
    static_assert(
        std::is_same_v<rollcoach::OpenMediaPlayerBus, decltype(&rollcoach_open_media_player_bus)>);
    return new rollcoach::BusMediaPlayer(err);
}
