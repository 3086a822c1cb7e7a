#include "report/EditHistory.h"

namespace raddraft::report {

namespace {

bool isTextChange(const EditChange& change, EditKind kind)
{
    return change.target == EditTarget::Text && change.kind == kind;
}

EditChange textChange(const EditChange& like, EditKind kind, int position, const QString& before, const QString& after)
{
    EditChange change = like;
    change.kind = kind;
    change.position = position;
    change.before = before;
    change.after = after;
    return change;
}

/// Merges `next` into `top` when it continues top's typing or deleting; false when it does not.
bool merge(EditCommand& top, const EditChange& next)
{
    const EditChange& previous = top.forward;
    if (previous.target != EditTarget::Text || next.target != EditTarget::Text || previous.sentenceId != next.sentenceId)
        return false;
    if (isTextChange(previous, EditKind::Insert) && isTextChange(next, EditKind::Insert)) {
        // Typing continues at the end of the previous insert; a new word starts a new step.
        const bool contiguous = next.position == previous.position + previous.after.size();
        const bool newWord = previous.after.back().isSpace() && !next.after.front().isSpace();
        if (!contiguous || newWord)
            return false;
        const QString typed = previous.after + next.after;
        top.forward = textChange(previous, EditKind::Insert, previous.position, {}, typed);
        top.inverse = textChange(previous, EditKind::Delete, previous.position, typed, {});
        return true;
    }
    if (isTextChange(previous, EditKind::Delete) && isTextChange(next, EditKind::Delete)) {
        QString removed;
        int position = 0;
        if (next.position + next.before.size() == previous.position) { // Backspace
            removed = next.before + previous.before;
            position = next.position;
        } else if (next.position == previous.position) { // Delete
            removed = previous.before + next.before;
            position = previous.position;
        } else {
            return false;
        }
        top.forward = textChange(previous, EditKind::Delete, position, removed, {});
        top.inverse = textChange(previous, EditKind::Insert, position, {}, removed);
        return true;
    }
    return false;
}

} // namespace

void EditHistory::push(const EditCommand& command)
{
    m_redo.clear();
    if (!(m_mergeOpen && !m_undo.empty() && merge(m_undo.back(), command.forward)))
        m_undo.push_back(command);
    m_mergeOpen = true;
}

void EditHistory::moveToRedo()
{
    m_redo.push_back(m_undo.back());
    m_undo.pop_back();
    m_mergeOpen = false;
}

void EditHistory::moveToUndo()
{
    m_undo.push_back(m_redo.back());
    m_redo.pop_back();
    m_mergeOpen = false;
}

void EditHistory::clear()
{
    m_undo.clear();
    m_redo.clear();
    m_mergeOpen = false;
}

} // namespace raddraft::report
