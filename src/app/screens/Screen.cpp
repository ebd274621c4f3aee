#include "Screen.hpp"

namespace rollcoach {

std::vector<SessionRecord> recentSessions(const AppResources& app, bool& read) {
    std::vector<SessionRecord> sessions = recentSessions(app.history, &read);
    read = read || (app.history == nullptr && app.historyProblem.empty());
    return sessions;
}

std::optional<int> ratingForKey(sf::Keyboard::Key key) {
    if (key >= sf::Keyboard::Num0 && key <= sf::Keyboard::Num9) {
        return static_cast<int>(key - sf::Keyboard::Num0);
    }
    if (key >= sf::Keyboard::Numpad0 && key <= sf::Keyboard::Numpad9) {
        return static_cast<int>(key - sf::Keyboard::Numpad0);
    }
    if (key == sf::Keyboard::T) {
        return 10;
    }
    return std::nullopt;
}

void toggleMute(AppResources& app) {
    app.tones.setMuted(!app.tones.muted());
    app.speech.setMuted(app.tones.muted() || app.workspace.settings.speech == SpeechAmount::Off);
}

} // namespace rollcoach
