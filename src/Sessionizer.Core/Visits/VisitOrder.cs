namespace Sessionizer.Core.Visits;

/// <summary>
/// The order visits sort in: by user, then in canonical order (docs/reference.md §3.3): event time,
/// page, then metadata (by code point, null first). Among visits with the same (user, time, page),
/// pages of the previous state come first, so that deduplication keeps them (docs/reference.md §3.2).
/// Pages and metadata are compared as text, so the order needs the visits' vocabulary; a struct, so
/// that a sort generic over it inlines the comparison.
/// </summary>
public readonly struct VisitOrder(Vocabulary vocabulary) : IComparer<Visit>
{
    public int Compare(Visit x, Visit y) => Compare(in x, in y);

    public int Compare(in Visit x, in Visit y)
    {
        var c = x.UserId.CompareTo(y.UserId);
        if (c != 0)
        {
            return c;
        }

        c = x.EventTimeMs.CompareTo(y.EventTimeMs);
        if (c != 0)
        {
            return c;
        }

        if (x.PageId != y.PageId)
        {
            return vocabulary.ComparePages(x.PageId, y.PageId);
        }

        if (x.Tag == y.Tag)
        {
            return 0;
        }

        c = (x.Tag & 1).CompareTo(y.Tag & 1);
        return c != 0 ? c : vocabulary.CompareMetadata(x.MetadataId, y.MetadataId);
    }

    /// <summary>Sorts <paramref name="visits"/> in this order.</summary>
    public void Sort(Span<Visit> visits)
    {
        // Runs of one user are short: an insertion sort that inlines the comparison beats the
        // library sort, which calls a boxed comparer through an interface.
        if (visits.Length <= InsertionSortMax)
        {
            InsertionSort(visits);
        }
        else
        {
            visits.Sort(this);
        }
    }

    private const int InsertionSortMax = 24;

    private void InsertionSort(Span<Visit> visits)
    {
        for (var i = 1; i < visits.Length; i++)
        {
            var item = visits[i];
            var j = i - 1;
            while (j >= 0 && Compare(in visits[j], in item) > 0)
            {
                visits[j + 1] = visits[j];
                j--;
            }

            visits[j + 1] = item;
        }
    }
}
