#include "MediaPlayer.hpp"

#include "core/Translate.hpp"
#include "modules/ModuleLoader.hpp"

#include <cstdlib>
#include <ostream>
#include <unistd.h>

namespace rollcoach {
namespace {

// Where sd-bus looks for the session bus: the address given, else the bus in the user's
// runtime folder. With neither there is no bus to connect to, and no need to load the module.
bool sessionBusMayBeThere() {
    if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address && *address) {
        return true;
    }
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    return runtime != nullptr && *runtime != '\0' &&
           access((std::string(runtime) + "/bus").c_str(), F_OK) == 0;
}

} // namespace

MediaPlayer::MediaPlayer(std::ostream& err, std::vector<std::string> modules)
    : m_err(err), m_modules(std::move(modules)) {}

MediaPlayer::~MediaPlayer() = default;

void MediaPlayer::show(const std::optional<NowPlaying>& now) {
    if (m_bus == nullptr && now && !m_tried) {
        m_tried = true;
        if (!sessionBusMayBeThere()) {
            m_err << "rollcoach: notice: "
                  << _("no D-Bus session bus: media keys will not control the session") << "\n";
            return;
        }
        std::string why;
        const auto open =
            loadModuleEntry<OpenMediaPlayerBus>(m_modules, kOpenMediaPlayerBusSymbol, why);
        if (open == nullptr) {
            m_err << "rollcoach: notice: "
                  << rollcoach::fillIn(
                         _("cannot load {0}: media keys will not control the session"),
                         kMediaPlayerModuleName)
                  << "\n";
            return;
        }
        // The module stays loaded for the rest of the program: the player's code lives there.
        m_bus.reset(open(m_err));
    }
    if (m_bus != nullptr) {
        m_bus->show(now);
    }
}

const std::string& MediaPlayer::name() const {
    static const std::string none;
    return m_bus != nullptr ? m_bus->name() : none;
}

} // namespace rollcoach
