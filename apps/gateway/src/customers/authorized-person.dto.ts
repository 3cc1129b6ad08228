import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 003: the person the client named, by notice, as its one authorized employee. */
export class AuthorizedPersonDto {
  @ApiProperty({ example: 'ivan.sidorov@example.com' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ivan Sidorov' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}
