#pragma once

#include <SFML/Graphics/Color.hpp>

namespace rollcoach::palette {

// A dark room-friendly screen with light text, readable from across a room. The two
// warning colours are used for warnings and nothing else, so a glance (or a test reading
// pixels) can tell when something is wrong.
inline const sf::Color background{24, 28, 38};
inline const sf::Color panel{36, 42, 56};
inline const sf::Color text{242, 242, 236};
inline const sf::Color dimText{190, 198, 210}; // hints and captions: 7:1 on the panels too
inline const sf::Color accent{128, 200, 255};
inline const sf::Color safe{80, 200, 120};

inline const sf::Color skin{212, 182, 158};
inline const sf::Color skinEdge{128, 100, 84};
inline const sf::Color head{196, 166, 142};
inline const sf::Color bone{248, 236, 220};
inline const sf::Color boneEdge{150, 120, 100};
inline const sf::Color spine{110, 84, 70};
inline const sf::Color keepOut{90, 70, 110, 70};
inline const sf::Color targetMuscle{196, 98, 80, 150};

inline const sf::Color ballEdge{30, 30, 30};
inline const sf::Color carriedBallEdge{30, 30, 30, 140}; // a ball carried, not pressed
inline const sf::Color ballShadow{30, 30, 30, 200};      // under a ball's path, so it shows on skin
inline const sf::Color hand{255, 236, 228};              // the fingers and thumb of a hand drill

// Marks over the body: a path to follow, the way back, a trail of places tried.
inline const sf::Color mark{255, 255, 255, 150};
inline const sf::Color faintMark{255, 255, 255, 90};
inline const sf::Color strongMark{255, 255, 255, 220};
inline const sf::Color trail{250, 250, 250, 150};

// Panels: the one focused or selected, a choice made, one behind a warning, and the shade
// over a screen that asks a question.
inline const sf::Color focusedPanel{52, 62, 84};
inline const sf::Color chosenPanel{70, 110, 150};
inline const sf::Color warningPanel{60, 30, 30};
inline const sf::Color shade{0, 0, 0, 150};
/// A problem told in words (a history that could not be read or saved).
inline const sf::Color problemText{255, 170, 170};

// The progress chart: ratings before and after a session, its grid, the line between the
// two, and a pain stop.
inline const sf::Color chartBefore = dimText;
inline const sf::Color chartGrid{70, 78, 96};
inline const sf::Color chartLink{120, 130, 150};
inline const sf::Color pain{255, 120, 110};

inline const sf::Color warningOn{232, 44, 44};
inline const sf::Color warningNear{250, 160, 0};

/// A colour of the palette, more or less see-through.
inline sf::Color withAlpha(sf::Color color, sf::Uint8 alpha) {
    color.a = alpha;
    return color;
}

} // namespace rollcoach::palette
