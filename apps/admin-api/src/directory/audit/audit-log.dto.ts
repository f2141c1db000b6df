import { DIRECTORY_RESOURCE_TYPES, DirectoryResourceType } from '@oncall/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../shared/pagination';

/** `?resourceType=&resourceId=&cursor=&limit=`; newest first. */
export class AuditLogQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(DIRECTORY_RESOURCE_TYPES)
  resourceType?: DirectoryResourceType;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  resourceId?: string;
}
