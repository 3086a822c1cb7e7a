#include "Augmentation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace raddraft::training {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Uniform in [0, 1) from the top 53 bits: the same numbers on every standard library (the
// distributions of <random> are implementation-defined).
double unit(std::mt19937_64& random) {
    return double(random() >> 11) * (1.0 / 9007199254740992.0);
}

double uniform(std::mt19937_64& random, double low, double high) {
    return low + (high - low) * unit(random);
}

} // namespace

StudyAugmentation drawStudyAugmentation(const AugmentationOptions& options, std::size_t viewCount, int frontalView,
                                        std::mt19937_64& random) {
    StudyAugmentation study;
    study.views.resize(viewCount);
    if (!options.enabled) return study;
    study.flipped = options.horizontalFlip && unit(random) < 0.5;
    for (std::size_t v = 0; v < viewCount; ++v) {
        ViewAugmentation& view = study.views[v];
        view.cropScale = uniform(random, options.cropScaleMin, options.cropScaleMax);
        // Log-uniform aspect, so that r and 1/r are equally likely.
        view.aspect = std::exp(uniform(random, std::log(options.aspectMin), std::log(options.aspectMax)));
        view.cropX = unit(random);
        view.cropY = unit(random);
        view.rotationDegrees = uniform(random, -options.rotationDegrees, options.rotationDegrees);
        view.brightness = uniform(random, -options.brightness, options.brightness);
        view.contrast = uniform(random, 1.0 - options.contrast, 1.0 + options.contrast);
        view.gamma = uniform(random, 1.0 - options.gamma, 1.0 + options.gamma);
        view.mirror = study.flipped && int(v) == frontalView;
    }
    return study;
}

ViewTransform viewTransform(const ViewAugmentation& augmentation, int width, int height) {
    const double cropWidth = std::min(double(width), width * std::sqrt(augmentation.cropScale * augmentation.aspect));
    const double cropHeight = std::min(double(height), height * std::sqrt(augmentation.cropScale / augmentation.aspect));
    ViewTransform transform;
    transform.outputWidth = std::max(1, int(std::lround(cropWidth)));
    transform.outputHeight = std::max(1, int(std::lround(cropHeight)));
    const double left = augmentation.cropX * (width - cropWidth);
    const double top = augmentation.cropY * (height - cropHeight);
    // Crop centre in index coordinates (pixel centres at integers).
    const double centreX = left + cropWidth / 2.0 - 0.5;
    const double centreY = top + cropHeight / 2.0 - 0.5;
    const double scaleX = cropWidth / transform.outputWidth;
    const double scaleY = cropHeight / transform.outputHeight;
    const double angle = augmentation.rotationDegrees * kPi / 180.0;
    const double cosine = std::cos(angle), sine = std::sin(angle);
    const double mirror = augmentation.mirror ? -1.0 : 1.0;
    const double halfU = (transform.outputWidth - 1) / 2.0, halfV = (transform.outputHeight - 1) / 2.0;
    transform.a = cosine * scaleX * mirror;
    transform.b = -sine * scaleY;
    transform.c = centreX - transform.a * halfU - transform.b * halfV;
    transform.d = sine * scaleX * mirror;
    transform.e = cosine * scaleY;
    transform.f = centreY - transform.d * halfU - transform.e * halfV;
    transform.identity = transform.outputWidth == width && transform.outputHeight == height &&
                         augmentation.rotationDegrees == 0.0 && !augmentation.mirror && std::abs(transform.c) < 1e-9 &&
                         std::abs(transform.f) < 1e-9 && std::abs(transform.a - 1.0) < 1e-12 &&
                         std::abs(transform.e - 1.0) < 1e-12;
    return transform;
}

inference::ImageView warpImage(const inference::ImageView& image, const ViewTransform& transform) {
    if (transform.identity) return image;
    inference::ImageView output;
    output.width = transform.outputWidth;
    output.height = transform.outputHeight;
    output.pixels.resize(std::size_t(output.width) * std::size_t(output.height));
    const int maxX = image.width - 1, maxY = image.height - 1;
    for (int v = 0; v < output.height; ++v) {
        for (int u = 0; u < output.width; ++u) {
            const double x = std::clamp(transform.a * u + transform.b * v + transform.c, 0.0, double(maxX));
            const double y = std::clamp(transform.d * u + transform.e * v + transform.f, 0.0, double(maxY));
            const int x0 = std::min(int(x), maxX), y0 = std::min(int(y), maxY);
            const int x1 = std::min(x0 + 1, maxX), y1 = std::min(y0 + 1, maxY);
            const double fx = x - x0, fy = y - y0;
            const auto at = [&](int px, int py) { return double(image.pixels[std::size_t(py) * std::size_t(image.width) + std::size_t(px)]); };
            const double top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * fx;
            const double bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * fx;
            output.pixels[std::size_t(v) * std::size_t(output.width) + std::size_t(u)] = float(top + (bottom - top) * fy);
        }
    }
    return output;
}

MaskImage warpMask(const MaskImage& mask, const ViewTransform& transform) {
    if (transform.identity) return mask;
    MaskImage output;
    output.width = transform.outputWidth;
    output.height = transform.outputHeight;
    output.pixels.assign(std::size_t(output.width) * std::size_t(output.height), 0);
    for (int v = 0; v < output.height; ++v) {
        for (int u = 0; u < output.width; ++u) {
            const long x = std::lround(transform.a * u + transform.b * v + transform.c);
            const long y = std::lround(transform.d * u + transform.e * v + transform.f);
            if (x < 0 || y < 0 || x >= mask.width || y >= mask.height) continue;
            output.pixels[std::size_t(v) * std::size_t(output.width) + std::size_t(u)] =
                mask.pixels[std::size_t(y) * std::size_t(mask.width) + std::size_t(x)];
        }
    }
    return output;
}

void jitterIntensity(inference::ImageView& image, const ViewAugmentation& augmentation) {
    if (augmentation.gamma == 1.0 && augmentation.contrast == 1.0 && augmentation.brightness == 0.0) return;
    if (image.pixels.empty()) return;
    double sum = 0.0;
    for (float& value : image.pixels) {
        value = float(std::pow(std::clamp(double(value), 0.0, 1.0), augmentation.gamma));
        sum += value;
    }
    const double mean = sum / double(image.pixels.size());
    for (float& value : image.pixels) {
        value = float(std::clamp((value - mean) * augmentation.contrast + mean + augmentation.brightness, 0.0, 1.0));
    }
}

inference::ImageView augmentView(const inference::ImageView& image, const ViewAugmentation& augmentation) {
    inference::ImageView output = warpImage(image, viewTransform(augmentation, image.width, image.height));
    jitterIntensity(output, augmentation);
    return output;
}

namespace {

const std::map<std::string, std::string>& sideWordPairs() {
    static const std::map<std::string, std::string> pairs = [] {
        const std::pair<const char*, const char*> words[] = {
            {"left", "right"},
            {"leftward", "rightward"},
            {"leftwards", "rightwards"},
            {"leftsided", "rightsided"},
            {"levoscoliosis", "dextroscoliosis"},
            {"levoconvex", "dextroconvex"},
            {"levocurvature", "dextrocurvature"},
        };
        std::map<std::string, std::string> map;
        for (const auto& [first, second] : words) {
            map[first] = second;
            map[second] = first;
        }
        return map;
    }();
    return pairs;
}

// The replacement written with the case pattern of `original`.
std::string withCaseOf(const std::string& original, std::string replacement) {
    const bool allUpper = std::all_of(original.begin(), original.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    if (allUpper && original.size() > 1) {
        for (char& c : replacement) c = char(std::toupper(static_cast<unsigned char>(c)));
    } else if (std::isupper(static_cast<unsigned char>(original[0]))) {
        replacement[0] = char(std::toupper(static_cast<unsigned char>(replacement[0])));
    }
    return replacement;
}

} // namespace

std::string swapLeftRightWords(const std::string& text) {
    std::string result;
    result.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
            result += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
        const std::string word = text.substr(i, end - i);
        std::string lower = word;
        for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
        const auto found = sideWordPairs().find(lower);
        result += found == sideWordPairs().end() ? word : withCaseOf(word, found->second);
        i = end;
    }
    return result;
}

std::string swapLeftRightInContextLabel(const std::string& contextLabel) {
    const std::size_t first = contextLabel.find('|');
    if (first == std::string::npos) return contextLabel;
    const std::size_t second = contextLabel.find('|', first + 1);
    const std::size_t end = second == std::string::npos ? contextLabel.size() : second;
    return contextLabel.substr(0, first + 1) + swapLeftRightWords(contextLabel.substr(first + 1, end - first - 1)) +
           contextLabel.substr(end);
}

} // namespace raddraft::training
