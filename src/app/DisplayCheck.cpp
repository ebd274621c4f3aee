#include "DisplayCheck.hpp"
#include "core/Translate.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <cstdlib>

namespace rollcoach {
namespace {

// X reports a failed request through a handler whose default prints and exits; while the
// check runs, a failure is a finding, not the end of the program.
bool requestFailed = false;

int noteFailedRequest(Display*, XErrorEvent*) {
    requestFailed = true;
    return 0;
}

// Why OpenGL cannot draw on the display, or empty when it may. SFML draws into a
// double-buffered RGBA visual: a true-colour one is needed, and GLX to make a context on it.
std::string openGlProblem(Display* display) {
    const int screen = DefaultScreen(display);
    // An X server in 8-bit colour turns GLX off altogether (Xvfb does), so the extension's
    // absence alone would not tell the user what to change.
    const std::string colourHint =
        DefaultDepth(display, screen) <= 8
            ? " " + std::string(_("(the display is in 8-bit colour: use 24-bit)"))
            : "";
    int opcode = 0;
    int eventBase = 0;
    int errorBase = 0;
    // Asked of the server itself: glXQueryExtension would load the OpenGL driver first.
    if (!XQueryExtension(display, "GLX", &opcode, &eventBase, &errorBase)) {
        return _("the X server does not offer the GLX extension") + colourHint;
    }
    XVisualInfo wanted{};
    wanted.screen = screen;
    wanted.c_class = TrueColor;
    int count = 0;
    XVisualInfo* visuals =
        XGetVisualInfo(display, VisualScreenMask | VisualClassMask, &wanted, &count);
    if (visuals == nullptr) {
        return _("no true-colour visual") + colourHint;
    }
    XFree(visuals);
    return {};
}

} // namespace

DisplayCheck::DisplayCheck() {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') {
        m_why = _("no display: DISPLAY is not set (run rollcoach from a desktop session, or "
                  "under xvfb-run for screenshots)");
        return;
    }
    Display* display = XOpenDisplay(nullptr);
    m_display = display;
    if (display == nullptr) {
        m_why = rollcoach::fillIn(_("cannot open the display \"{0}\""), name);
        return;
    }
    if (const std::string problem = openGlProblem(display); !problem.empty()) {
        m_why = rollcoach::fillIn(_("the display {0} has no OpenGL (GLX): {1}"), name, problem);
    }
}

sf::Vector2u DisplayCheck::screenSize() const {
    auto* display = static_cast<Display*>(m_display);
    if (display == nullptr) {
        return {};
    }
    const int screen = DefaultScreen(display);
    return {static_cast<unsigned>(DisplayWidth(display, screen)),
            static_cast<unsigned>(DisplayHeight(display, screen))};
}

bool DisplayCheck::withErrorsNoted(const std::function<void()>& work) {
    XErrorHandler previous = XSetErrorHandler(noteFailedRequest);
    requestFailed = false;
    // SFML waits on its own connection for replies while it makes windows and contexts, and
    // Xlib hands each error to the handler as those replies come: a round trip on this
    // connection would not bring SFML's errors sooner, only wait on the server.
    work();
    XSetErrorHandler(previous);
    return !requestFailed;
}

bool DisplayCheck::confirm(const std::function<bool()>& makeContext) {
    bool made = false;
    if (withErrorsNoted([&] { made = makeContext(); }) && made) {
        return true;
    }
    const char* name = std::getenv("DISPLAY");
    m_why = rollcoach::fillIn(_("the display {0} has no OpenGL (GLX): {1}"),
                              name != nullptr ? name : "", _("cannot make an OpenGL context"));
    return false;
}

DisplayCheck::~DisplayCheck() {
    if (m_display != nullptr) {
        XCloseDisplay(static_cast<Display*>(m_display));
    }
}

} // namespace rollcoach
