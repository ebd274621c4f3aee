#include "MediaPlayer.hpp"

#include <dlfcn.h>
#include <ostream>

namespace rollcoach {

MediaPlayer::MediaPlayer(std::ostream& err, std::vector<std::string> modules)
    : m_err(err), m_modules(std::move(modules)) {}

MediaPlayer::~MediaPlayer() = default;

void MediaPlayer::show(const std::optional<NowPlaying>& now) {
    if (m_bus == nullptr && now && !m_tried) {
        m_tried = true;
        void* module = nullptr;
        for (const std::string& path : m_modules) {
            if ((module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) != nullptr) {
                break;
            }
        }
        const auto open =
            module != nullptr
                ? reinterpret_cast<OpenMediaPlayerBus>(dlsym(module, kOpenMediaPlayerBusSymbol))
                : nullptr;
        if (open == nullptr) {
            m_err << "rollcoach: notice: cannot load " << kMediaPlayerModuleName
                  << ": media keys will not control the session\n";
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
