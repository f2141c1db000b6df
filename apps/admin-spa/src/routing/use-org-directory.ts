import type { ClientView } from '@oncall/contracts';
import { useQuery } from '@tanstack/react-query';
import { allOf } from '../api/directory';
import { useDirectoryList } from '../api/use-directory-list';
import { useSession } from '../session-context';

export type { ClientView };

export interface IntegrationRef {
  id: string;
  name: string;
  serviceId: string;
  type: string;
  active: boolean;
}

export interface ServiceRef {
  id: string;
  name: string;
}

/** The services, clients and every service's integrations, for the routing and maintenance screens. */
export function useOrgDirectory() {
  const { api } = useSession();
  const services = useDirectoryList<ServiceRef>('services');
  const clients = useDirectoryList<ClientView>('clients');
  const integrations = useQuery({
    queryKey: ['all-integrations', services.data?.map((service) => service.id)],
    enabled: services.data !== undefined,
    queryFn: async () => {
      const lists = await Promise.all(
        (services.data ?? []).map((service) =>
          allOf<IntegrationRef>(
            api.client,
            `/api/v1/services/${encodeURIComponent(service.id)}/integrations`,
          ),
        ),
      );
      return lists.flat();
    },
  });
  const nameOf = (list: { id: string; name: string }[] | undefined, id: string) =>
    list?.find((item) => item.id === id)?.name ?? 'unknown';
  return {
    services,
    clients,
    integrations,
    serviceName: (id: string) => nameOf(services.data, id),
    clientName: (id: string) => nameOf(clients.data, id),
    integrationName: (id: string) => nameOf(integrations.data, id),
  };
}
