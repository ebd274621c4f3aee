#pragma once

#include "BodyModel.hpp"
#include "Diagnostic.hpp"
#include "Translate.hpp"
#include "YamlDocument.hpp"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace rollcoach {

// The app's own data file is trusted less than code but more than a routine: any problem
// in it is fatal and reported with its place.
/// Reads the app's own data files (body.yaml, postures.yaml): every problem is fatal and
/// thrown as a DataFileError located at its file, line and column.
class DataReader {
public:
    explicit DataReader(std::string fileName) : m_fileName(std::move(fileName)) {}

    [[noreturn]] void fail(const SourceMark& mark, const std::string& message) const {
        throw DataFileError(formatDiagnostic(m_fileName, {Severity::Error, mark, message}));
    }

    /// The value of `key` in a map; null when the map lacks it.
    const YamlNode* find(const YamlNode& map, const std::string& key) const {
        if (map.kind != YamlNode::Kind::Map) {
            fail(map.mark, fillIn(_("expected a map holding \"{0}\""), key));
        }
        for (const auto& [k, v] : map.entries) {
            if (k->kind == YamlNode::Kind::Scalar && k->value == key) {
                return v;
            }
        }
        return nullptr;
    }

    const YamlNode& child(const YamlNode& map, const std::string& key) const {
        if (const YamlNode* node = find(map, key)) {
            return *node;
        }
        fail(map.mark, fillIn(_("missing key \"{0}\""), key));
    }

    double number(const YamlNode& node) const {
        if (node.kind == YamlNode::Kind::Scalar) {
            char* end = nullptr;
            const double value = std::strtod(node.value.c_str(), &end);
            if (end != node.value.c_str() && *end == '\0' && std::isfinite(value)) {
                return value;
            }
        }
        fail(node.mark, fillIn(_("expected a number, got {0}"), describeNode(node)));
    }

    double number(const YamlNode& map, const std::string& key) const {
        return number(child(map, key));
    }

    std::string text(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        if (node.kind != YamlNode::Kind::Scalar) {
            fail(node.mark, fillIn(_("expected text for \"{0}\""), key));
        }
        return node.value;
    }

    Colour colour(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        if (node.kind != YamlNode::Kind::Sequence || node.items.size() != 3) {
            fail(node.mark, _("expected a colour as [red, green, blue], each 0-255"));
        }
        int rgb[3] = {0, 0, 0};
        for (std::size_t i = 0; i < 3; ++i) {
            const double value = number(*node.items[i]);
            if (!(value >= 0 && value <= 255) || value != std::floor(value)) {
                fail(node.items[i]->mark, _("expected a whole number from 0 to 255"));
            }
            rgb[i] = static_cast<int>(value);
        }
        return {rgb[0], rgb[1], rgb[2]};
    }

    std::vector<std::string> texts(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        if (node.kind != YamlNode::Kind::Sequence) {
            fail(node.mark, fillIn(_("expected a list of text for \"{0}\""), key));
        }
        std::vector<std::string> out;
        for (const YamlNode* item : node.items) {
            if (item->kind != YamlNode::Kind::Scalar) {
                fail(item->mark, _("expected text"));
            }
            out.push_back(item->value);
        }
        return out;
    }

    Point point(const YamlNode& node) const { return {number(node, "x_cm"), number(node, "y_cm")}; }

    std::vector<Point> points(const YamlNode& node) const {
        if (node.kind != YamlNode::Kind::Sequence || node.items.size() < 2) {
            fail(node.mark, _("expected a list of points"));
        }
        std::vector<Point> out;
        for (const YamlNode* item : node.items) {
            out.push_back(point(*item));
        }
        return out;
    }

private:
    std::string m_fileName;
};

} // namespace rollcoach
