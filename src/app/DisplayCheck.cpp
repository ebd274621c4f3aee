#include "DisplayCheck.hpp"

#include <GL/glx.h>
#include <X11/Xlib.h>

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

// Why OpenGL cannot draw on the display, or empty when it can. SFML draws into a
// double-buffered RGBA visual; it needs no depth buffer for flat drawing, so none is asked
// for here either, or a display SFML could use would be refused.
std::string openGlProblem(Display* display) {
    const int screen = DefaultScreen(display);
    // An X server in 8-bit colour turns GLX off altogether (Xvfb does), so the extension's
    // absence alone would not tell the user what to change.
    const std::string colourHint =
        DefaultDepth(display, screen) <= 8 ? " (the display is in 8-bit colour: use 24-bit)" : "";
    int errorBase = 0;
    int eventBase = 0;
    if (!glXQueryExtension(display, &errorBase, &eventBase)) {
        return "the X server does not offer the GLX extension" + colourHint;
    }
    int attributes[] = {
        GLX_RGBA, GLX_DOUBLEBUFFER, GLX_RED_SIZE, 1, GLX_GREEN_SIZE, 1, GLX_BLUE_SIZE, 1, None};
    XVisualInfo* visual = glXChooseVisual(display, screen, attributes);
    if (visual == nullptr) {
        return "no double-buffered RGBA visual" + colourHint;
    }
    // Only a context made current on a window of that visual shows that drawing works: a
    // server may list the visual and still refuse the context.
    XErrorHandler previous = XSetErrorHandler(noteFailedRequest);
    requestFailed = false;
    const Window root = RootWindow(display, screen);
    const Colormap colours = XCreateColormap(display, root, visual->visual, AllocNone);
    XSetWindowAttributes windowAttributes{};
    windowAttributes.colormap = colours;
    windowAttributes.border_pixel = 0;
    const Window window =
        XCreateWindow(display, root, 0, 0, 1, 1, 0, visual->depth, InputOutput, visual->visual,
                      CWColormap | CWBorderPixel, &windowAttributes);
    XSync(display, False);
    std::string problem;
    GLXContext context = nullptr;
    if (requestFailed) {
        problem = "cannot make a window of its RGBA visual";
    } else {
        context = glXCreateContext(display, visual, nullptr, True);
        XSync(display, False);
        if (context == nullptr || requestFailed) {
            problem = "cannot make an OpenGL context";
        } else if (!glXMakeCurrent(display, window, context)) {
            problem = "cannot make an OpenGL context current";
        }
    }
    glXMakeCurrent(display, None, nullptr);
    if (context != nullptr) {
        glXDestroyContext(display, context);
    }
    XDestroyWindow(display, window);
    XFreeColormap(display, colours);
    XSync(display, False);
    XSetErrorHandler(previous);
    XFree(visual);
    return problem;
}

} // namespace

DisplayCheck::DisplayCheck() {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') {
        m_why = "no display: DISPLAY is not set (run rollcoach from a desktop session, or under "
                "xvfb-run for screenshots)";
        return;
    }
    Display* display = XOpenDisplay(nullptr);
    m_display = display;
    if (display == nullptr) {
        m_why = std::string("cannot open the display \"") + name + "\"";
        return;
    }
    if (const std::string problem = openGlProblem(display); !problem.empty()) {
        m_why = std::string("the display ") + name + " has no OpenGL (GLX): " + problem;
    }
}

DisplayCheck::~DisplayCheck() {
    if (m_display != nullptr) {
        XCloseDisplay(static_cast<Display*>(m_display));
    }
}

} // namespace rollcoach
