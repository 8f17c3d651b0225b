using System.Collections.Immutable;

namespace Roster.Agent.Catalog;

/// <summary>
/// One write in progress: builders over the current snapshot plus a record of what it touched, so that the store
/// can set only the indexes and notify only the topics that the write can have changed.
/// </summary>
internal sealed class CatalogChange(CatalogSnapshot before, ulong index)
{
    private readonly ImmutableDictionary<string, ServiceInstance>.Builder _services = before.Services.ToBuilder();
    private readonly ImmutableDictionary<string, CheckInstance>.Builder _checks = before.Checks.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedSet<string>>.Builder _idsByName = before.IdsByName.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedSet<string>>.Builder _checkIdsByService = before.CheckIdsByService.ToBuilder();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _serviceIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeCheckIds = new(StringComparer.Ordinal);
    private bool _nodeChecksChanged;
    private bool _checksChanged;
    private readonly HashSet<string> _redefinedCheckIds = new(StringComparer.Ordinal);

    public ulong Index { get; } = index;

    /// <summary>Services written, removed, or whose checks changed: what persistence must rewrite.</summary>
    public IReadOnlyCollection<string> TouchedServiceIds => _serviceIds;

    /// <summary>Checks added, removed or redefined (not mere status updates): what the check runners must look at again.</summary>
    public IReadOnlyCollection<string> RedefinedCheckIds => _redefinedCheckIds;

    /// <summary>Node-level checks written or removed.</summary>
    public IReadOnlyCollection<string> TouchedNodeCheckIds => _nodeCheckIds;

    public CatalogSnapshot Before { get; } = before;

    public ServiceInstance? Service(string id) => _services.GetValueOrDefault(id);

    public CheckInstance? Check(string id) => _checks.GetValueOrDefault(id);

    public IEnumerable<string> CheckIdsOf(string serviceId) => _checkIdsByService.GetValueOrDefault(serviceId) ?? [];

    public void PutService(ServiceInstance service)
    {
        if (_services.GetValueOrDefault(service.Id) is { } old && old.Name != service.Name)
        {
            RemoveFromSet(_idsByName, old.Name, old.Id);
            _names.Add(old.Name);
        }

        _services[service.Id] = service;
        AddToSet(_idsByName, service.Name, service.Id);
        _names.Add(service.Name);
        _serviceIds.Add(service.Id);
    }

    public void RemoveService(string id)
    {
        if (_services.GetValueOrDefault(id) is { } old)
        {
            foreach (var checkId in CheckIdsOf(id).ToList())
            {
                RemoveCheck(checkId);
            }

            _services.Remove(id);
            RemoveFromSet(_idsByName, old.Name, id);
            _names.Add(old.Name);
            _serviceIds.Add(id);
        }
    }

    /// <param name="check">The check to store.</param>
    /// <param name="definitionChanged">False for a status or output update, which check runners need not hear about.</param>
    public void PutCheck(CheckInstance check, bool definitionChanged = true)
    {
        if (_checks.GetValueOrDefault(check.Id) is { } old && old.ServiceId != check.ServiceId)
        {
            RemoveFromSet(_checkIdsByService, old.ServiceId, old.Id);
            Touch(old);
        }

        _checks[check.Id] = check;
        AddToSet(_checkIdsByService, check.ServiceId, check.Id);
        Touch(check);
        if (definitionChanged)
        {
            _redefinedCheckIds.Add(check.Id);
        }
    }

    public void RemoveCheck(string id)
    {
        if (_checks.GetValueOrDefault(id) is { } old)
        {
            _checks.Remove(id);
            RemoveFromSet(_checkIdsByService, old.ServiceId, id);
            Touch(old);
            _redefinedCheckIds.Add(id);
        }
    }

    public (CatalogSnapshot After, IReadOnlyList<string> Topics) Commit()
    {
        var after = Before with
        {
            Services = _services.ToImmutable(),
            Checks = _checks.ToImmutable(),
            IdsByName = _idsByName.ToImmutable(),
            CheckIdsByService = _checkIdsByService.ToImmutable(),
            Index = Index,
        };
        after = after with
        {
            NameIndexes = after.NameIndexes.SetItems(_names.Select(n => KeyValuePair.Create(n, Index))),
            NodeChecksIndex = _nodeChecksChanged ? Index : Before.NodeChecksIndex,
            ChecksIndex = _checksChanged ? Index : Before.ChecksIndex,
            ServicesIndex = _names.Any(n => !Before.TagsOf(n).SequenceEqual(after.TagsOf(n)) || Before.IdsByName.ContainsKey(n) != after.IdsByName.ContainsKey(n))
                ? Index : Before.ServicesIndex,
        };

        List<string> topics = [CatalogTopics.Node, .. _names.Select(CatalogTopics.Service)];
        if (_nodeChecksChanged)
        {
            topics.AddRange(after.IdsByName.Keys.Select(CatalogTopics.Service));
        }

        if (_checksChanged)
        {
            topics.Add(CatalogTopics.Checks);
        }

        if (after.ServicesIndex == Index)
        {
            topics.Add(CatalogTopics.Services);
        }

        return (after, topics);
    }

    private void Touch(CheckInstance check)
    {
        _checksChanged = true;
        if (check.ServiceId.Length == 0)
        {
            _nodeChecksChanged = true;
            _nodeCheckIds.Add(check.Id);
        }
        else
        {
            _names.Add(check.ServiceName);
            _serviceIds.Add(check.ServiceId);
        }
    }

    private static void AddToSet(ImmutableDictionary<string, ImmutableSortedSet<string>>.Builder sets, string key, string id) =>
        sets[key] = (sets.GetValueOrDefault(key) ?? ImmutableSortedSet.Create<string>(StringComparer.Ordinal)).Add(id);

    private static void RemoveFromSet(ImmutableDictionary<string, ImmutableSortedSet<string>>.Builder sets, string key, string id)
    {
        if (sets.GetValueOrDefault(key)?.Remove(id) is { } left)
        {
            if (left.IsEmpty)
            {
                sets.Remove(key);
            }
            else
            {
                sets[key] = left;
            }
        }
    }
}
