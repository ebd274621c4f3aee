#pragma once

#include <string>

namespace rollcoach {

/// Whether libX11 keeps a parsed compose table for this program at all.
bool xKeepsComposeCaches();

/// Lets X keep the keyboard's compose table parsed between starts, in `folder` (made if
/// need be), unless the person keeps it elsewhere already or X keeps none for this user.
/// Call before the first connection to the display, while the program has one thread.
/// A folder that cannot be made is passed over: the table is then read as before.
/// `xKeepsCaches` is whether libX11 keeps any for this program (not for root, nor for a
/// program run with another user's rights).
void keepComposeTable(const std::string& folder, bool xKeepsCaches = xKeepsComposeCaches());

} // namespace rollcoach
