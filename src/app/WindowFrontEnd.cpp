#include "WindowFrontEnd.hpp"

#include <ostream>

namespace rollcoach {

int runWindow(const WindowRequest&, const CommandContext&, std::ostream&, std::ostream& err) {
    err << "rollcoach: error: the window is not built yet\n";
    return 1;
}

} // namespace rollcoach
