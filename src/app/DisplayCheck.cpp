#include "DisplayCheck.hpp"

#include <X11/Xlib.h>

#include <cstdlib>

namespace rollcoach {

DisplayCheck::DisplayCheck() {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') {
        m_why = "no display: DISPLAY is not set (run rollcoach from a desktop session, or under "
                "xvfb-run for screenshots)";
        return;
    }
    m_display = XOpenDisplay(nullptr);
    if (m_display == nullptr) {
        m_why = std::string("cannot open the display \"") + name + "\"";
    }
}

DisplayCheck::~DisplayCheck() {
    if (m_display != nullptr) {
        XCloseDisplay(static_cast<Display*>(m_display));
    }
}

} // namespace rollcoach
