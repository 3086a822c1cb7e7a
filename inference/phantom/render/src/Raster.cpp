#include "Raster.h"

#include <algorithm>

namespace raddraft::phantom::render {
namespace {

constexpr std::size_t kPooledMinimum = 1U << 14U;      // smaller buffers are not worth keeping
constexpr std::size_t kPoolBudget = 24U * 1024U * 1024U; // floats kept per thread (96 MiB)

struct BufferPool {
    std::vector<std::vector<float>> buffers;
    std::size_t floats = 0;
};

BufferPool& pool()
{
    thread_local BufferPool instance;
    return instance;
}

/// Capacity class of a request: rounded up to 2^k · (1 + j/8), so that buffers of similar
/// requests (a lung's bounding box varies from patient to patient) can be shared.
std::size_t capacityClass(std::size_t count)
{
    std::size_t power = 1;
    while (power * 2 <= count)
        power *= 2;
    const std::size_t step = std::max<std::size_t>(1, power / 8);
    return (count + step - 1) / step * step;
}

} // namespace

std::vector<float> takeBuffer(std::size_t count, bool zero)
{
    BufferPool& p = pool();
    // Best fit among kept buffers at most twice the request: small requests must not take the
    // large buffers that the next view canvas needs.
    std::size_t best = p.buffers.size();
    for (std::size_t i = 0; i < p.buffers.size(); ++i) {
        const std::size_t capacity = p.buffers[i].capacity();
        if (capacity >= count && capacity <= 2 * count + kPooledMinimum &&
            (best == p.buffers.size() || capacity < p.buffers[best].capacity()))
            best = i;
    }
    if (count < kPooledMinimum)
        return std::vector<float>(count, 0.0F);
    if (best == p.buffers.size()) {
        std::vector<float> fresh;
        fresh.reserve(capacityClass(count));
        fresh.assign(count, 0.0F);
        return fresh;
    }
    std::vector<float> buffer = std::move(p.buffers[best]);
    p.buffers.erase(p.buffers.begin() + static_cast<std::ptrdiff_t>(best));
    p.floats -= buffer.capacity();
    if (zero)
        buffer.assign(count, 0.0F);
    else
        buffer.resize(count);
    return buffer;
}

void releaseBuffer(std::vector<float>&& buffer)
{
    if (buffer.capacity() < kPooledMinimum)
        return;
    BufferPool& p = pool();
    p.floats += buffer.capacity();
    p.buffers.push_back(std::move(buffer));
    // Over budget: drop the smallest buffers first (large ones are the expensive ones to fault in).
    while (p.floats > kPoolBudget && !p.buffers.empty()) {
        const auto smallest = std::min_element(p.buffers.begin(), p.buffers.end(),
                                               [](const auto& a, const auto& b) { return a.capacity() < b.capacity(); });
        p.floats -= smallest->capacity();
        p.buffers.erase(smallest);
    }
}

void Raster::addTo(Raster& target, float scale) const
{
    const PixelRect overlap = rect_.intersected(target.rect());
    if (overlap.empty())
        return;
    for (int y = overlap.y0; y < overlap.y1; ++y) {
        const float* src = row(y) + (overlap.x0 - rect_.x0);
        float* dst = target.row(y) + (overlap.x0 - target.rect().x0);
        const int n = overlap.width();
        for (int i = 0; i < n; ++i)
            dst[i] += scale * src[i];
    }
}

void Raster::multiplyBy(const Raster& other)
{
    const PixelRect overlap = rect_.intersected(other.rect());
    for (int y = rect_.y0; y < rect_.y1; ++y) {
        float* dst = row(y);
        if (overlap.empty() || y < overlap.y0 || y >= overlap.y1) {
            std::fill(dst, dst + width(), 0.0F);
            continue;
        }
        const float* src = other.row(y) + (overlap.x0 - other.rect().x0);
        const int before = overlap.x0 - rect_.x0;
        std::fill(dst, dst + before, 0.0F);
        for (int i = 0; i < overlap.width(); ++i)
            dst[before + i] *= src[i];
        std::fill(dst + before + overlap.width(), dst + width(), 0.0F);
    }
}

} // namespace raddraft::phantom::render
