#include "FrameShow.hpp"

#include "DisplayCheck.hpp"
#include "Widgets.hpp"

#include <GL/glx.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace rollcoach {
namespace {

constexpr unsigned kScissorTest = 0x0C11; // GL_SCISSOR_TEST
constexpr unsigned kRenderer = 0x1F01;    // GL_RENDERER

template <typename Function> Function glFunction(const char* name) {
    return reinterpret_cast<Function>(glXGetProcAddressARB(reinterpret_cast<const GLubyte*>(name)));
}

bool offers(Display* display, const char* extension) {
    const char* all = glXQueryExtensionsString(display, DefaultScreen(display));
    if (all == nullptr) {
        return false;
    }
    const std::size_t length = std::strlen(extension);
    for (const char* at = std::strstr(all, extension); at != nullptr;
         at = std::strstr(at + length, extension)) {
        const bool starts = at == all || at[-1] == ' ';
        if (starts && (at[length] == ' ' || at[length] == '\0')) {
            return true;
        }
    }
    return false;
}

// The OpenGL functions a part of a frame is drawn with, as the driver has them: SFML loads
// OpenGL itself, so the program links none.
struct ScissorFunctions {
    using Scissor = void (*)(int, int, int, int);
    using Capability = void (*)(unsigned);
    Scissor scissor = glFunction<Scissor>("glScissor");
    Capability enable = glFunction<Capability>("glEnable");
    Capability disable = glFunction<Capability>("glDisable");
    bool usable() const { return scissor != nullptr && enable != nullptr && disable != nullptr; }
};

const ScissorFunctions& scissorFunctions() {
    static const ScissorFunctions functions;
    return functions;
}

} // namespace

std::optional<sf::IntRect> changedArea(const FrameKey& last, const FrameKey& next,
                                       sf::Vector2u size) {
    if (last.still.empty() || next.still != last.still || last.moving.empty() ||
        next.moving.empty()) {
        return std::nullopt;
    }
    sf::FloatRect all = next.moving.front();
    for (const auto* frame : {&last, &next}) {
        for (const sf::FloatRect& area : frame->moving) {
            all = joined(all, area);
        }
    }
    const sf::FloatRect window(0, 0, static_cast<float>(size.x), static_cast<float>(size.y));
    sf::FloatRect inside;
    if (!all.intersects(window, inside) ||
        inside.width * inside.height > 0.6f * window.width * window.height) {
        return std::nullopt;
    }
    const int left = static_cast<int>(std::floor(inside.left));
    const int top = static_cast<int>(std::floor(inside.top));
    return sf::IntRect(left, top, static_cast<int>(std::ceil(inside.left + inside.width)) - left,
                       static_cast<int>(std::ceil(inside.top + inside.height)) - top);
}

FrameShow::FrameShow(sf::RenderWindow& window) {
    if (!window.setActive(true)) {
        return;
    }
    Display* display = glXGetCurrentDisplay();
    using GetString = const unsigned char* (*)(unsigned);
    const auto getString = glFunction<GetString>("glGetString");
    const unsigned char* name = getString != nullptr ? getString(kRenderer) : nullptr;
    const std::string renderer = name != nullptr ? reinterpret_cast<const char*>(name) : "";
    const bool software = renderer.find("llvmpipe") != std::string::npos ||
                          renderer.find("softpipe") != std::string::npos;
    if (display != nullptr && software && offers(display, "GLX_MESA_copy_sub_buffer") &&
        scissorFunctions().usable()) {
        m_copy = glFunction<CopySubBuffer>("glXCopySubBufferMESA");
    }
}

bool FrameShow::keepsFrame(sf::RenderWindow& window) {
    // The window's own context, whose display and drawable the copy uses.
    if (m_copy == nullptr || !window.setActive(true)) {
        return false;
    }
    // Asked of the X server: SFML's size follows a resize only once its event has been read,
    // and the driver's frame takes the window's new size at the next frame drawn.
    ::Window root = 0;
    int x = 0;
    int y = 0;
    unsigned width = 0;
    unsigned height = 0;
    unsigned border = 0;
    unsigned depth = 0;
    XGetGeometry(glXGetCurrentDisplay(), window.getSystemHandle(), &root, &x, &y, &width, &height,
                 &border, &depth);
    m_drawingSize = {width, height};
    return m_kept && m_drawingSize == m_shownSize;
}

void FrameShow::limitTo(sf::RenderTarget& target, std::optional<sf::IntRect> area) {
    const ScissorFunctions& gl = scissorFunctions();
    if (!gl.usable() || !target.setActive(true)) {
        return; // then each area draws all of the target: slower, never wrong
    }
    if (!area) {
        gl.disable(kScissorTest);
        return;
    }
    // OpenGL counts rows from the bottom.
    const int height = static_cast<int>(target.getSize().y);
    gl.enable(kScissorTest);
    gl.scissor(area->left, height - area->top - area->height, area->width, area->height);
}

void FrameShow::show(sf::RenderWindow& window) {
    if (m_copy == nullptr) {
        window.display(); // also waits out SFML's frame limit
        return;
    }
    if (m_drawingSize != m_shownSize || m_drawingSize.x == 0 || m_drawingSize.y == 0) {
        // A new size: a swap makes the driver's frames the window's size, where a copy would
        // ask for more than its frame holds. What the frame drawn into then holds is not
        // known, so the next one is drawn whole.
        window.display();
        m_shownSize = m_drawingSize;
        m_kept = false;
        return;
    }
    if (!window.setActive(true)) {
        m_kept = false;
        return;
    }
    // All of the frame to the window, not only what was drawn again: the window's own copy
    // of a part that another window covered is then mended within a frame. Should the window
    // have shrunk since it was asked, the copy asks for more than the frame holds: the X
    // error that brings is noted, not the end of the program, and the next frame is swapped
    // in whole.
    Display* display = glXGetCurrentDisplay();
    m_kept = DisplayCheck::withErrorsNoted([&] {
        m_copy(display, glXGetCurrentDrawable(), 0, 0, static_cast<int>(m_shownSize.x),
               static_cast<int>(m_shownSize.y));
        XSync(display, False);
    });
    if (!m_kept) {
        m_shownSize = {};
    }
    const sf::Time frame = sf::microseconds(kFrameTime.count());
    if (m_sinceShown.getElapsedTime() < frame) {
        sf::sleep(frame - m_sinceShown.getElapsedTime());
    }
    m_sinceShown.restart();
}

} // namespace rollcoach
