#pragma once

#include <QPointF>

#include <cmath>

/// The few vector helpers the cluster picture's geometry shares.
namespace widgets::vec {

inline constexpr double kPi = 3.14159265358979323846;

/// length is the Euclidean length of v.
inline qreal length(QPointF v)
{
    return std::hypot(v.x(), v.y());
}

/// unit is v scaled to length 1 (the null vector stays null).
inline QPointF unit(QPointF v)
{
    const qreal len = length(v);
    return len > 0 ? v / len : QPointF(0, 0);
}

} // namespace widgets::vec
