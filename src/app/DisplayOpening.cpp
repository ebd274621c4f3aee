#include "DisplayOpening.hpp"

#include <chrono>
#include <cstdlib>

namespace rollcoach {

DisplayOpening::DisplayOpening(bool prepareWindow) : m_state(std::make_shared<State>()) {
    m_checked = m_state->checked.get_future().share();
    m_prepared = m_state->prepared.get_future().share();
    m_thread = std::thread([state = m_state, prepareWindow] {
        state->check.emplace();
        const bool available = state->check->available();
        state->checked.set_value();
        // SFML makes its shared context with the first OpenGL object, here the window's.
        // Only on a display that offers OpenGL: on one without, SFML would crash.
        if (prepareWindow && available) {
            state->window.emplace();
        }
        state->prepared.set_value();
    });
}

DisplayOpening::~DisplayOpening() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

DisplayCheck& DisplayOpening::check() {
    m_checked.wait();
    return *m_state->check;
}

std::optional<sf::RenderWindow>& DisplayOpening::window() {
    m_prepared.wait();
    return m_state->window;
}

void DisplayOpening::finishOrEnd(std::ostream& out, std::ostream& err, int status) {
    if (m_prepared.wait_for(std::chrono::seconds(1)) == std::future_status::ready) {
        m_thread.join();
        return;
    }
    out.flush();
    err.flush();
    std::_Exit(status);
}

} // namespace rollcoach
