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

inline const sf::Color warningOn{232, 44, 44};
inline const sf::Color warningNear{250, 160, 0};

} // namespace rollcoach::palette
