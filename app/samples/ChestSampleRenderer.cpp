#include "ChestSampleRenderer.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace raddraft::samples {

namespace {

// Everything is drawn in normalised coordinates: x, y in [0, 1] across the detector, y down.
struct Canvas {
    int columns;
    int rows;
    std::vector<float> density; ///< accumulated attenuation, arbitrary units

    float& at(int x, int y) { return density[static_cast<std::size_t>(y) * columns + x]; }
};

float smoothStep(float edge0, float edge1, float x)
{
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// Adds `amount` inside an axis-aligned super-ellipse, fading over `softness` (normalised units).
void addSuperEllipse(Canvas& canvas, float cx, float cy, float rx, float ry, float power, float amount, float softness)
{
    const int x0 = std::max(0, static_cast<int>((cx - rx - softness) * canvas.columns));
    const int x1 = std::min(canvas.columns - 1, static_cast<int>((cx + rx + softness) * canvas.columns));
    const int y0 = std::max(0, static_cast<int>((cy - ry - softness) * canvas.rows));
    const int y1 = std::min(canvas.rows - 1, static_cast<int>((cy + ry + softness) * canvas.rows));
    for (int y = y0; y <= y1; ++y) {
        const float ny = (static_cast<float>(y) / canvas.rows - cy) / ry;
        for (int x = x0; x <= x1; ++x) {
            const float nx = (static_cast<float>(x) / canvas.columns - cx) / rx;
            const float r = std::pow(std::pow(std::abs(nx), power) + std::pow(std::abs(ny), power), 1.0f / power);
            const float inside = 1.0f - smoothStep(1.0f - softness / std::min(rx, ry), 1.0f, r);
            if (inside > 0)
                canvas.at(x, y) += amount * inside;
        }
    }
}

// Adds a band of half-width `halfWidth` along the polyline through `points` (normalised coords).
// The distance is the minimum over all segments, so joints are not counted twice.
void addBand(Canvas& canvas, const std::vector<std::pair<float, float>>& points, float halfWidth, float amount, bool cortical)
{
    float minX = 1e9f, maxX = -1e9f, minY = 1e9f, maxY = -1e9f;
    for (const auto& [x, y] : points) {
        minX = std::min(minX, x), maxX = std::max(maxX, x);
        minY = std::min(minY, y), maxY = std::max(maxY, y);
    }
    const int x0 = std::max(0, static_cast<int>((minX - halfWidth) * canvas.columns));
    const int x1 = std::min(canvas.columns - 1, static_cast<int>((maxX + halfWidth) * canvas.columns) + 1);
    const int y0 = std::max(0, static_cast<int>((minY - halfWidth) * canvas.rows));
    const int y1 = std::min(canvas.rows - 1, static_cast<int>((maxY + halfWidth) * canvas.rows) + 1);
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            const float px = static_cast<float>(x) / canvas.columns, py = static_cast<float>(y) / canvas.rows;
            float nearest = 1e9f;
            for (std::size_t i = 0; i + 1 < points.size(); ++i) {
                const auto [ax, ay] = points[i];
                const auto [bx, by] = points[i + 1];
                const float dx = bx - ax, dy = by - ay;
                const float t = std::clamp(((px - ax) * dx + (py - ay) * dy) / std::max(1e-12f, dx * dx + dy * dy), 0.0f, 1.0f);
                const float ex = px - (ax + t * dx), ey = py - (ay + t * dy);
                nearest = std::min(nearest, ex * ex + ey * ey);
            }
            const float distance = std::sqrt(nearest) / halfWidth;
            if (distance >= 1.0f)
                continue;
            // Bone shows a brighter cortex at its edges; vessels are densest along their axis.
            const float profile = cortical ? 0.55f + 0.45f * smoothStep(0.5f, 0.9f, distance) * (1.0f - smoothStep(0.9f, 1.0f, distance))
                                           : 1.0f - distance * distance;
            canvas.at(x, y) += amount * profile;
        }
}

void addVesselTree(Canvas& canvas, std::mt19937& random, float x, float y, float angle, float length, float width, int depth)
{
    if (depth == 0 || length < 0.01f)
        return;
    std::normal_distribution<float> wobble(0.0f, 0.18f);
    std::vector<std::pair<float, float>> points{{x, y}};
    float cx = x, cy = y, a = angle;
    for (int step = 0; step < 4; ++step) {
        a += wobble(random);
        cx += std::cos(a) * length / 4;
        cy += std::sin(a) * length / 4;
        points.emplace_back(cx, cy);
    }
    addBand(canvas, points, width, 0.09f, false);
    std::uniform_real_distribution<float> split(0.35f, 0.6f);
    addVesselTree(canvas, random, cx, cy, a - split(random), length * 0.72f, width * 0.7f, depth - 1);
    addVesselTree(canvas, random, cx, cy, a + split(random), length * 0.72f, width * 0.7f, depth - 1);
}

// Lung fields: subtract density (air) inside a shape whose lower edge is the diaphragm dome.
void addLung(Canvas& canvas, float centreX, float top, float bottom, float halfWidth, bool left, float amount)
{
    for (int y = 0; y < canvas.rows; ++y) {
        const float ny = static_cast<float>(y) / canvas.rows;
        if (ny < top - 0.02f || ny > bottom + 0.04f)
            continue;
        const float t = std::clamp((ny - top) / (bottom - top), 0.0f, 1.0f);
        // Narrow apex widening towards the base, like the real lung silhouette.
        const float width = halfWidth * (0.35f + 0.65f * std::sqrt(t));
        for (int x = 0; x < canvas.columns; ++x) {
            const float nx = static_cast<float>(x) / canvas.columns;
            const float u = (nx - centreX) / width;
            if (std::abs(u) > 1.1f)
                continue;
            // Diaphragm dome: the lower boundary is highest at the lung's centre; the lateral
            // costophrenic angle reaches deepest.
            const float lateral = left ? u : -u;
            const float dome = bottom - 0.05f * (1.0f - u * u) + 0.025f * std::max(0.0f, lateral);
            const float vertical = smoothStep(top - 0.015f, top + 0.03f, ny) * (1.0f - smoothStep(dome - 0.012f, dome + 0.004f, ny));
            const float horizontal = 1.0f - smoothStep(0.86f, 1.02f, std::abs(u));
            canvas.at(x, y) -= amount * vertical * horizontal;
        }
    }
}

void addDetectorEffects(Canvas& canvas, std::mt19937& random)
{
    // Scatter-like blur (separable box, 2 passes) then quantum noise.
    std::vector<float> line;
    const int radius = 2;
    for (int pass = 0; pass < 2; ++pass) {
        for (int y = 0; y < canvas.rows; ++y) {
            line.assign(canvas.density.begin() + static_cast<std::ptrdiff_t>(y) * canvas.columns,
                        canvas.density.begin() + static_cast<std::ptrdiff_t>(y + 1) * canvas.columns);
            for (int x = 0; x < canvas.columns; ++x) {
                float sum = 0;
                for (int k = -radius; k <= radius; ++k)
                    sum += line[static_cast<std::size_t>(std::clamp(x + k, 0, canvas.columns - 1))];
                canvas.at(x, y) = sum / (2 * radius + 1);
            }
        }
        for (int x = 0; x < canvas.columns; ++x) {
            line.resize(static_cast<std::size_t>(canvas.rows));
            for (int y = 0; y < canvas.rows; ++y)
                line[static_cast<std::size_t>(y)] = canvas.at(x, y);
            for (int y = 0; y < canvas.rows; ++y) {
                float sum = 0;
                for (int k = -radius; k <= radius; ++k)
                    sum += line[static_cast<std::size_t>(std::clamp(y + k, 0, canvas.rows - 1))];
                canvas.at(x, y) = sum / (2 * radius + 1);
            }
        }
    }
    std::normal_distribution<float> noise(0.0f, 0.008f);
    for (float& value : canvas.density)
        value += noise(random);
}

std::vector<std::uint16_t> toStoredValues(const Canvas& canvas, int bitsStored)
{
    const float maximum = static_cast<float>((1 << bitsStored) - 1);
    std::vector<std::uint16_t> values(canvas.density.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        // Density 0 (air outside the body) maps low; bone-over-soft-tissue near the top.
        const float scaled = 300.0f + canvas.density[i] * 2400.0f;
        values[i] = static_cast<std::uint16_t>(std::clamp(scaled, 0.0f, maximum));
    }
    return values;
}

} // namespace

std::vector<std::uint16_t> renderFrontalChest(const ChestSampleOptions& options)
{
    Canvas canvas{options.columns, options.rows, std::vector<float>(static_cast<std::size_t>(options.columns) * options.rows, 0.0f)};
    std::mt19937 random(options.seed);

    // Soft tissue of the thorax, shoulders and neck.
    addSuperEllipse(canvas, 0.5f, 0.55f, 0.44f, 0.52f, 2.6f, 0.55f, 0.05f);
    addSuperEllipse(canvas, 0.5f, 0.06f, 0.1f, 0.12f, 2.0f, 0.35f, 0.03f);
    addSuperEllipse(canvas, 0.2f, 0.17f, 0.16f, 0.08f, 2.0f, 0.2f, 0.05f);
    addSuperEllipse(canvas, 0.8f, 0.17f, 0.16f, 0.08f, 2.0f, 0.2f, 0.05f);
    // Lungs (patient's right lung on the image left, PA convention).
    addLung(canvas, 0.31f, 0.16f, 0.74f, 0.19f, true, 0.42f);
    addLung(canvas, 0.69f, 0.16f, 0.77f, 0.19f, false, 0.42f);
    // Vascular markings fan out from the hila.
    addVesselTree(canvas, random, 0.42f, 0.42f, 3.5f, 0.1f, 0.008f, 4);
    addVesselTree(canvas, random, 0.42f, 0.46f, 2.4f, 0.1f, 0.008f, 4);
    addVesselTree(canvas, random, 0.58f, 0.43f, -0.35f, 0.1f, 0.008f, 4);
    addVesselTree(canvas, random, 0.58f, 0.47f, 0.75f, 0.1f, 0.008f, 4);
    // Mediastinum, heart (to the patient's left = image right) and aortic knob.
    addSuperEllipse(canvas, 0.5f, 0.36f, 0.07f, 0.24f, 2.2f, 0.42f, 0.025f);
    addSuperEllipse(canvas, 0.555f, 0.6f, 0.145f, 0.125f, 2.2f, 0.46f, 0.025f);
    addSuperEllipse(canvas, 0.565f, 0.29f, 0.04f, 0.032f, 2.0f, 0.2f, 0.012f);
    // Upper abdomen below the diaphragm.
    addSuperEllipse(canvas, 0.5f, 0.93f, 0.42f, 0.14f, 2.5f, 0.1f, 0.04f);
    // Spine: vertebral bodies down the midline.
    for (int level = 0; level < 17; ++level) {
        const float y = 0.08f + level * 0.053f;
        addSuperEllipse(canvas, 0.5f, y, 0.032f, 0.021f, 3.0f, 0.16f, 0.006f);
    }
    // Ribs: posterior arcs from the spine sweeping laterally and down.
    for (int rib = 0; rib < 10; ++rib) {
        const float y = 0.15f + rib * 0.058f;
        const float reach = 0.17f + 0.012f * std::min(rib, 6);
        for (int side = -1; side <= 1; side += 2) {
            std::vector<std::pair<float, float>> arc;
            for (int i = 0; i <= 12; ++i) {
                const float t = static_cast<float>(i) / 12.0f;
                const float x = 0.5f + side * (0.035f + reach * std::sin(t * 1.5f));
                arc.emplace_back(x, y - 0.035f * std::sin(t * 2.2f) + 0.09f * t * t);
            }
            addBand(canvas, arc, 0.0075f, 0.085f, true);
        }
    }
    // Clavicles.
    addBand(canvas, {{0.45f, 0.15f}, {0.34f, 0.125f}, {0.2f, 0.12f}, {0.14f, 0.135f}}, 0.011f, 0.16f, true);
    addBand(canvas, {{0.55f, 0.15f}, {0.66f, 0.125f}, {0.8f, 0.12f}, {0.86f, 0.135f}}, 0.011f, 0.16f, true);

    addDetectorEffects(canvas, random);
    return toStoredValues(canvas, options.bitsStored);
}

std::vector<std::uint16_t> renderLateralChest(const ChestSampleOptions& options)
{
    Canvas canvas{options.columns, options.rows, std::vector<float>(static_cast<std::size_t>(options.columns) * options.rows, 0.0f)};
    std::mt19937 random(options.seed + 1);

    // Left lateral: anterior to the image left, posterior (spine) to the right.
    addSuperEllipse(canvas, 0.5f, 0.55f, 0.38f, 0.5f, 2.4f, 0.75f, 0.05f);
    addSuperEllipse(canvas, 0.55f, 0.07f, 0.14f, 0.12f, 2.0f, 0.22f, 0.04f);
    // Both lungs project onto one another.
    addLung(canvas, 0.5f, 0.17f, 0.76f, 0.27f, true, 0.5f);
    addVesselTree(canvas, random, 0.5f, 0.45f, 3.4f, 0.1f, 0.007f, 5);
    addVesselTree(canvas, random, 0.52f, 0.47f, 0.2f, 0.1f, 0.007f, 5);
    // Heart anteriorly and inferiorly, aorta arching over it.
    addSuperEllipse(canvas, 0.4f, 0.6f, 0.15f, 0.14f, 2.2f, 0.42f, 0.025f);
    addBand(canvas, {{0.42f, 0.45f}, {0.44f, 0.3f}, {0.52f, 0.26f}, {0.6f, 0.32f}, {0.63f, 0.5f}}, 0.02f, 0.08f, false);
    // Spine posteriorly, sternum anteriorly.
    for (int level = 0; level < 17; ++level) {
        const float y = 0.08f + level * 0.053f;
        const float x = 0.74f - 0.03f * std::sin(static_cast<float>(level) / 16.0f * 3.1f);
        addSuperEllipse(canvas, x, y, 0.045f, 0.022f, 3.0f, 0.2f, 0.006f);
    }
    addBand(canvas, {{0.18f, 0.3f}, {0.16f, 0.5f}, {0.17f, 0.66f}}, 0.012f, 0.14f, true);
    // Posterior ribs overlapping behind the lungs.
    for (int rib = 0; rib < 9; ++rib) {
        const float y = 0.18f + rib * 0.06f;
        addBand(canvas, {{0.76f, y}, {0.62f, y + 0.04f}, {0.45f, y + 0.09f}}, 0.007f, 0.08f, true);
    }
    addSuperEllipse(canvas, 0.5f, 0.93f, 0.38f, 0.13f, 2.5f, 0.1f, 0.04f);

    addDetectorEffects(canvas, random);
    return toStoredValues(canvas, options.bitsStored);
}

} // namespace raddraft::samples
