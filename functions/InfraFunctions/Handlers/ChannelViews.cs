using InfraFunctions.Core.Channels;

namespace InfraFunctions.Handlers;

/// <summary>A channel as replies show it: hints in place of its URL and keys.</summary>
public static class ChannelViews
{
    public static ChannelView Of(ChannelRecord c) => new(
        c.Id, c.Name, c.Kind, c.IsDefault, c.Source, ChannelHints.Url(c.Url), ChannelHints.Key(c.RoutingKey), ChannelHints.Key(c.ApiKey), c.UpdatedAt, c.UpdatedBy);
}
