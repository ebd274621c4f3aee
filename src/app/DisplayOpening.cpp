#include "DisplayOpening.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>

namespace rollcoach {
namespace {

// How long a display that answers at all takes to be made ready, at most: a program ending
// with an error waits no longer for one that does not.
constexpr std::chrono::seconds kDisplayWait{2};

} // namespace

DisplayOpening::DisplayOpening(bool prepareWindow) : m_state(std::make_shared<State>()) {
    m_checked = m_state->checked.get_future().share();
    m_prepared = m_state->prepared.get_future().share();
    m_thread = std::thread([state = m_state, prepareWindow] {
        bool checked = false;
        try {
            state->check.emplace();
            const bool available = state->check->available();
            state->checked.set_value();
            checked = true;
            // SFML makes its shared context with the first OpenGL object, here the window's.
            // Only on a display that offers OpenGL: on one without, SFML would crash. An X
            // error while it does is noted, not the end of the program on this thread.
            if (prepareWindow && available &&
                !DisplayCheck::withErrorsNoted([&] { state->window.emplace(); })) {
                state->window.reset();
            }
            state->prepared.set_value();
        } catch (...) {
            if (!checked) {
                state->checked.set_exception(std::current_exception());
            }
            state->prepared.set_exception(std::current_exception());
        }
    });
}

DisplayOpening::~DisplayOpening() {
    if (!m_thread.joinable()) {
        return;
    }
    if (std::uncaught_exceptions() > 0 &&
        m_prepared.wait_for(kDisplayWait) != std::future_status::ready) {
        m_thread.detach();
        return;
    }
    m_thread.join();
}

DisplayCheck& DisplayOpening::check() {
    m_checked.get();
    return *m_state->check;
}

std::optional<sf::RenderWindow>& DisplayOpening::window() {
    m_prepared.get();
    return m_state->window;
}

void DisplayOpening::finishOrEnd(std::ostream& out, std::ostream& err, int status) {
    if (m_prepared.wait_for(kDisplayWait) == std::future_status::ready) {
        m_thread.join();
        return;
    }
    out.flush();
    err.flush();
    std::_Exit(status);
}

} // namespace rollcoach
