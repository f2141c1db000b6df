import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListIncidentsQueryDto } from '../incidents/list-incidents.dto';

describe('IsCommaListOf', () => {
  const read = (query: Record<string, unknown>) => {
    const dto = plainToInstance(ListIncidentsQueryDto, query);
    return { dto, errors: validateSync(dto).flatMap((error) => Object.values(error.constraints ?? {})) };
  };

  it('reads a comma-separated query value as a list, trimming parts and dropping blank ones', () => {
    const { dto, errors } = read({ severity: 'critical, high,,', status: 'triggered' });
    expect(errors).toEqual([]);
    expect(dto.severity).toEqual(['critical', 'high']);
    expect(dto.status).toEqual(['triggered']);
  });

  it('refuses a value not in the list, naming the parameter and what it takes', () => {
    expect(read({ severity: 'high,urgent' }).errors).toEqual([
      'severity must be a comma-separated list of: critical, high, warning, info',
    ]);
  });
});
